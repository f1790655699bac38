using System.CommandLine;
using SimCaller.Cli.Hosting;
using SimCaller.Cli.Terminal;
using SimCaller.Evaluation.Rendering;
using SimCaller.Practice;
using SimCaller.Practice.Replay;

namespace SimCaller.Cli.Commands;

/// <summary>`simcaller debrief SESSION_ID`: a stored call's debrief for the terminal, or as Markdown, HTML or JSON.</summary>
public static class DebriefCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = new Argument<string>("SESSION_ID") { Description = "The session (see `simcaller sessions list`)" };
        var format = new Option<string?>("--format")
        {
            Description = "text (laid out for the terminal; the default on stdout), md, html or json (the default for --out follows the file's extension, else md)",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("text", "md", "html", "json");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout", HelpName = "FILE" };
        var command = new Command("debrief", "Show a finished call's debrief") { id, format, output };
        command.SetAction(CliRunner.Action(global, async (parse, services, ct) =>
        {
            var practice = services.Get<PracticeService>();
            var sessionId = parse.GetValue(id)!.Trim();
            var session = await practice.FindAsync(sessionId, ct) ?? throw new SessionNotFoundException(sessionId);
            var stored = await practice.FindDebriefAsync(session.SessionId, ct)
                ?? throw new PracticeException($"Session '{sessionId}' is still in progress; its debrief comes when the call ends.");
            var file = parse.GetValue(output);
            var chosen = parse.GetValue(format) ?? (file is null ? "text" : FormatOf(file));
            if (chosen == "text" && file is null)
            {
                Ui.For(jsonOnStdout: false).Debrief(stored.Debrief);
                return ExitCodes.Ok;
            }
            var text = chosen switch
            {
                "html" => DebriefHtml.Render(stored.Debrief, await services.Get<CallReplayer>().WhatIfsAsync(session.SessionId, stored.Debrief, ct)),
                "json" => DebriefJson.Serialize(stored.Debrief),
                "text" => DebriefView.Render(stored.Debrief, color: false),
                _ => DebriefMarkdown.Render(stored.Debrief),
            };
            if (file is not null)
            {
                await CliFiles.WriteAsync(file, text, ct);
            }
            else
            {
                await Console.Out.WriteLineAsync(text);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The format a file name asks for; Markdown when the extension says nothing.</summary>
    private static string FormatOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "html",
        ".json" => "json",
        ".txt" => "text",
        _ => "md",
    };
}
