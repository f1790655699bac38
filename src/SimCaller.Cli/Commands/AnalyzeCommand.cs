using System.CommandLine;
using System.Text.Json;
using SimCaller.Cli.Hosting;
using SimCaller.Core.Techniques;

namespace SimCaller.Cli.Commands;

/// <summary>`simcaller analyze`: label utterances from stdin with technique ids, one JSON line each.</summary>
public static class AnalyzeCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("analyze", "Read utterances from stdin (plain lines or JSON lines with \"text\"); write {\"text\", \"techniques\"} per line");
        command.SetAction(CliRunner.Action(global, async (_, services, ct) =>
        {
            var analyzer = services.Get<ITurnAnalyzer>();
            var exit = ExitCodes.Ok;
            var number = 0;
            while (await Console.In.ReadLineAsync(ct) is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                if (!TryReadText(line, out var text, out var problem))
                {
                    await Console.Error.WriteLineAsync($"simcaller: stdin line {number}: {problem}");
                    exit = ExitCodes.BadInput;
                    continue;
                }
                var analysis = await analyzer.AnalyzeAsync(text, null, ct);
                var output = new
                {
                    Text = text,
                    Techniques = analysis.Techniques.Select(t => t.ToId()),
                    Evidence = analysis.Matches.Select(m => new { Technique = m.Technique.ToId(), Text = m.Evidence }),
                };
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(output, CliJson.Lines));
                await Console.Out.FlushAsync(ct);
            }
            return exit;
        }));
        return command;
    }

    /// <summary>A line starting with '{' is a JSON object whose "text" is the utterance; any other line is the utterance.</summary>
    private static bool TryReadText(string line, out string text, out string problem)
    {
        text = line.Trim();
        problem = "";
        if (!text.StartsWith('{'))
        {
            return true;
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String)
            {
                text = value.GetString()!;
                return true;
            }
            problem = "JSON line has no string \"text\" field.";
        }
        catch (JsonException e)
        {
            problem = $"not valid JSON ({e.Message}).";
        }
        return false;
    }
}
