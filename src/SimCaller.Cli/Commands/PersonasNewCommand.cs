using System.CommandLine;
using System.Text.RegularExpressions;
using SimCaller.Cli.Hosting;
using SimCaller.Persona.Loading;

namespace SimCaller.Cli.Commands;

/// <summary>
/// `simcaller personas new ID [--out FILE]`: writes a commented persona template (personas/ID.yaml by
/// default) and never overwrites a file that exists.
/// </summary>
public static partial class PersonasNewCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = new Argument<string>("ID") { Description = "Id of the new persona (lowercase letters, digits, hyphens), e.g. water-bill" };
        var output = new Option<string?>("--out") { Description = "File to write (default: ID.yaml in the personas folder)", HelpName = "FILE" };
        var command = new Command("new", "Write a commented template for a new persona; lint then lists what is left to fill") { id, output };
        command.SetAction(CliRunner.Action(global, (parse, services, ct) =>
        {
            var name = parse.GetValue(id)!.Trim();
            if (!IdPattern().IsMatch(name))
            {
                throw new UsageException($"'{name}' is not a valid persona id: use lowercase letters, digits and hyphens, e.g. water-bill.");
            }
            var file = Path.GetFullPath(parse.GetValue(output)
                ?? Path.Combine(PersonaLocator.ResolveDirectory(services.Configuration["Personas:Path"]), name + ".yaml"));
            var folder = Path.GetDirectoryName(file)!;
            if (!Directory.Exists(folder))
            {
                throw new UsageException($"{folder} does not exist: create the folder first, or give --out FILE.");
            }
            try
            {
                // CreateNew: a trainer's existing persona is never overwritten, even in a race.
                using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(PersonaTemplate.Render(name));
            }
            catch (IOException) when (File.Exists(file))
            {
                throw new UsageException($"{file} already exists; not overwriting it. Give another ID or --out FILE.");
            }
            Console.Out.WriteLine(file);
            Console.Error.WriteLine($"Wrote a template for '{name}'. Fill it in (docs/personas.md explains every key), then run: simcaller personas lint {file}");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
