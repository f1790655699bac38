using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SimCaller.Cli.Hosting;
using SimCaller.Cli.Terminal;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Mood;
using SimCaller.Practice;
using SimCaller.Practice.Authoring;

namespace SimCaller.Cli.Commands;

/// <summary>
/// `simcaller personas coverage ID [--difficulty L] [--calls N] [--seed N] [--json]`: seeded calls in a range of
/// trainee styles (<see cref="PersonaCoverage"/>), then the persona's lines that never fired and the reactions
/// with too few lines.
/// </summary>
public static class PersonasCoverageCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = new Argument<string>("ID") { Description = "Persona id" };
        var difficulty = new Option<string?>("--difficulty") { Description = "Difficulty level, as the persona names it (default: the persona's)", HelpName = "LEVEL" };
        var calls = new Option<int>("--calls")
        {
            Description = $"Calls per trainee style (default {PersonaCoverage.DefaultCallsPerStyle}, at most {PersonaCoverage.MaxCallsPerStyle})",
            HelpName = "N",
            DefaultValueFactory = _ => PersonaCoverage.DefaultCallsPerStyle,
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }
                result.AddError($"--calls must be a whole number (got '{token}').");
                return 0;
            },
        };
        var seed = CliOptions.Seed($"Seed of each style's first call; call n plays seed + n (default {PersonaCoverage.DefaultSeed})");
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var command = new Command("coverage", "Play seeded calls in several trainee styles; list the lines that never fired and the reactions with too few lines")
        {
            id, difficulty, calls, seed, json,
        };
        command.SetAction(CliRunner.Action(global, async (parse, services, ct) =>
        {
            var catalog = services.Get<PersonaCatalog>();
            var persona = catalog.Find(parse.GetValue(id)!) ?? throw new UnknownPersonaException(parse.GetValue(id)!, catalog.Ids);
            var report = await services.Get<PersonaCoverage>().RunAsync(
                persona, parse.GetValue(difficulty), parse.GetValue(calls), parse.GetValue(seed) ?? PersonaCoverage.DefaultSeed, ct);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(ToJson(report), CliJson.Indented));
            }
            else
            {
                Print(Ui.For(false), report);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static object ToJson(CoverageReport r) => new
    {
        persona = r.PersonaId,
        difficulty = r.Difficulty,
        seed = r.Seed,
        calls_per_style = r.CallsPerStyle,
        styles = r.Styles.Select(s => new { id = s.Id, description = s.Description, calls = s.Calls, turns = s.Turns, outcomes = s.Outcomes }),
        lines = new { total = r.LinesTotal, fired = r.LinesFired },
        never_fired = r.NeverFired.Select(l => new { id = l.Id, kind = l.Kind, text = l.Text, why = l.Why }),
        too_few = r.TooFew.Select(t => new
        {
            reaction = t.Reaction,
            mood = t.Mood.ToId(),
            lines = t.Lines,
            cued_lines = t.CuedLines,
            needed = t.Needed,
            most_in_one_call = t.MostInOneCall,
            borrowed = t.Borrowed,
        }),
        too_few_means = r.TooFewMeans,
    };

    private static void Print(Ui ui, CoverageReport r)
    {
        var total = r.Styles.Sum(s => s.Calls);
        ui.Line($"{ui.Bold(r.PersonaId)} ({r.Difficulty}): {total} calls, {r.CallsPerStyle} per style, seeds {r.Seed} to {r.Seed + r.CallsPerStyle - 1}");
        var width = r.Styles.Max(s => s.Id.Length);
        foreach (var s in r.Styles)
        {
            var outcomes = string.Join(", ", s.Outcomes.Select(o => $"{o.Value} {o.Key}"));
            ui.Line($"  {s.Id.PadRight(width)}  {s.Turns,4} turns  {outcomes}  {ui.Dim(s.Description)}");
        }
        ui.Line();
        ui.Line($"Lines fired: {r.LinesFired} of {r.LinesTotal}.");
        if (r.NeverFired.Count > 0)
        {
            ui.Line();
            ui.Line(ui.Bold($"Never fired ({r.NeverFired.Count}):"));
            // Lines that share a reason (every line of a mood no call reached) are listed under it once.
            string? why = null;
            foreach (var line in r.NeverFired)
            {
                if (line.Why != why)
                {
                    why = line.Why;
                    ui.Line($"  {ui.Dim(why)}:");
                }
                ui.Line($"    {line.Id}: \"{line.Text}\"");
            }
        }
        ui.Line();
        if (r.TooFew.Count == 0)
        {
            ui.Line("No reaction ran short of lines.");
        }
        else
        {
            ui.Line(ui.Bold($"Too few lines ({r.TooFew.Count}):"));
            var keyWidth = r.TooFew.Max(t => t.Reaction.Length + t.Mood.ToId().Length + 1);
            foreach (var t in r.TooFew)
            {
                var key = $"{t.Reaction}.{t.Mood.ToId()}".PadRight(keyWidth);
                var cued = t.CuedLines > 0 ? $" (+{t.CuedLines} cued)" : "";
                ui.Line($"  {key}  {t.Lines} line{(t.Lines == 1 ? "" : "s")}{cued}; needed {t.Needed} times, at most {t.MostInOneCall} in one call; borrowed {t.Borrowed} times");
            }
        }
        ui.Line(ui.Dim($"Too few means {r.TooFewMeans}."));
    }
}
