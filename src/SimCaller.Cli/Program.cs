using System.CommandLine;
using SimCaller.Cli.Commands;
using SimCaller.Cli.Hosting;

var global = new GlobalOptions();
var root = new RootCommand("simcaller: practise de-escalation calls with an AI customer, then read the debrief.");
global.AddTo(root);
root.Subcommands.Add(PracticeCommand.Create(global));
root.Subcommands.Add(PersonasCommand.Create(global));
root.Subcommands.Add(AnalyzeCommand.Create(global));
root.Subcommands.Add(AnalyzerCommand.Create(global));
root.Subcommands.Add(SessionsCommand.Create(global));
root.Subcommands.Add(DebriefCommand.Create(global));
root.Subcommands.Add(CodesCommand.Create(global));
root.Subcommands.Add(ReplayCommand.Create(global));
root.Subcommands.Add(UsersCommand.Create(global));

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"simcaller: {error.Message}");
    }
    Console.Error.WriteLine("Run 'simcaller --help' for usage.");
    return ExitCodes.BadInput;
}
// Ctrl-C cancels the command; the grace period lets a call in progress be saved as abandoned with its debrief.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(5) });
