using System.CommandLine;
using System.Globalization;

namespace SimCaller.Cli.Hosting;

/// <summary>Options more than one command shares.</summary>
public static class CliOptions
{
    /// <summary>--seed N: a whole number, with a message that says so (not a .NET type name).</summary>
    public static Option<int?> Seed(string description) => new("--seed")
    {
        Description = description,
        HelpName = "N",
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
            {
                return seed;
            }
            result.AddError($"--seed must be a whole number (got '{token}').");
            return null;
        },
    };
}
