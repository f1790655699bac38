using System.CommandLine;
using Microsoft.Extensions.Logging;
using SimCaller.Evaluation.Rubrics;
using SimCaller.Practice;
using SimCaller.Storage;

namespace SimCaller.Cli.Hosting;

/// <summary>
/// Runs a command's body with the services it needs and turns every failure into a one-line message
/// and an exit code; details (the stack trace) go to the debug log only.
/// </summary>
public static class CliRunner
{
    public static Func<ParseResult, CancellationToken, Task<int>> Action(
        GlobalOptions options, Func<ParseResult, CliServices, CancellationToken, Task<int>> body) =>
        async (parse, cancellationToken) =>
        {
            await using var services = CliServices.Build(parse, options);
            try
            {
                return await body(parse, services, cancellationToken);
            }
            catch (Exception e)
            {
                var (code, message) = Describe(e);
                await Console.Error.WriteLineAsync($"simcaller: {message}");
                TryLogDetails(services, e);
                return code;
            }
        };

    private static (int Code, string Message) Describe(Exception e) => e switch
    {
        UsageException or UnknownPersonaException or UnknownDifficultyException or SessionNotFoundException or RubricException or AuthoringInputException => (ExitCodes.BadInput, e.Message),
        StorageException or PracticeException => (ExitCodes.Failure, e.Message),
        OperationCanceledException => (ExitCodes.Failure, "cancelled."),
        _ => (ExitCodes.Failure, $"{e.Message} (run with -v for details)"),
    };

    private static void TryLogDetails(CliServices services, Exception e)
    {
        try
        {
            services.Logger.LogDebug(e, "Command failed");
        }
        catch (Exception)
        {
            // The failure may be in building the services themselves; the message is already out.
        }
    }
}
