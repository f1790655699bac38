using System.CommandLine;
using SimCaller.Cli.Hosting;
using SimCaller.Evaluation.Rendering;
using SimCaller.Practice;

namespace SimCaller.Cli.Commands;

/// <summary>`simcaller debrief SESSION_ID`: a stored call's debrief as Markdown, HTML or JSON.</summary>
public static class DebriefCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = new Argument<string>("SESSION_ID") { Description = "The session (see `simcaller sessions list`)" };
        var format = new Option<string>("--format") { Description = "md (default), html or json", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html", "json");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout", HelpName = "FILE" };
        var command = new Command("debrief", "Show a finished call's debrief") { id, format, output };
        command.SetAction(CliRunner.Action(global, async (parse, services, ct) =>
        {
            var practice = services.Get<PracticeService>();
            var sessionId = parse.GetValue(id)!.Trim();
            var session = await practice.FindAsync(sessionId, ct) ?? throw new SessionNotFoundException(sessionId);
            var stored = await practice.FindDebriefAsync(session.SessionId, ct)
                ?? throw new PracticeException($"Session '{sessionId}' is still in progress; its debrief comes when the call ends.");
            var text = parse.GetValue(format) switch
            {
                "html" => DebriefHtml.Render(stored.Debrief),
                "json" => DebriefJson.Serialize(stored.Debrief),
                _ => DebriefMarkdown.Render(stored.Debrief),
            };
            if (parse.GetValue(output) is { } file)
            {
                try
                {
                    await File.WriteAllTextAsync(file, text, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    throw new UsageException($"Cannot write '{file}': {e.Message}");
                }
                await Console.Error.WriteLineAsync($"Wrote {Path.GetFullPath(file)}");
            }
            else
            {
                await Console.Out.WriteLineAsync(text);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
