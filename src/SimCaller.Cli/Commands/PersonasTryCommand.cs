using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SimCaller.Cli.Hosting;
using SimCaller.Cli.Terminal;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using SimCaller.Practice;
using SimCaller.Practice.Authoring;

namespace SimCaller.Cli.Commands;

/// <summary>
/// `simcaller personas try ID "TEXT" [--anger N] [--difficulty L] [--seed N] [--json]`: what the persona does
/// with one trainee sentence (<see cref="PersonaTryout"/>), without holding a call.
/// </summary>
public static class PersonasTryCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = new Argument<string>("ID") { Description = "Persona id" };
        var text = new Argument<string>("TEXT") { Description = "What the trainee says" };
        var anger = new Option<int?>("--anger")
        {
            Description = "The customer's anger before the line, 0-100 (default: the persona's starting anger at that difficulty)",
            HelpName = "N",
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }
                result.AddError($"--anger must be a whole number from 0 to 100 (got '{token}').");
                return null;
            },
        };
        var difficulty = new Option<string?>("--difficulty") { Description = "Difficulty level, as the persona names it (default: the persona's)", HelpName = "LEVEL" };
        var seed = CliOptions.Seed($"Seed of the customer's choices (default {PersonaTryout.DefaultSeed})");
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var command = new Command("try", "What the customer would do with one trainee sentence: techniques heard, anger change and why, the line and which cue or fact chose it")
        {
            id, text, anger, difficulty, seed, json,
        };
        command.SetAction(CliRunner.Action(global, async (parse, services, ct) =>
        {
            var catalog = services.Get<PersonaCatalog>();
            var persona = catalog.Find(parse.GetValue(id)!) ?? throw new UnknownPersonaException(parse.GetValue(id)!, catalog.Ids);
            var result = await services.Get<PersonaTryout>().TryAsync(
                persona, parse.GetValue(text) ?? "", parse.GetValue(difficulty), parse.GetValue(anger), parse.GetValue(seed) ?? PersonaTryout.DefaultSeed, ct);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(ToJson(result), CliJson.Indented));
            }
            else
            {
                Print(Ui.For(false), result);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static object ToJson(TryoutResult r) => new
    {
        persona = r.PersonaId,
        difficulty = r.Difficulty,
        seed = r.Seed,
        text = r.Text,
        techniques = r.Techniques.Select(t => new { id = t.Technique.ToId(), evidence = t.Evidence }),
        anger_before = r.AngerBefore,
        anger_after = r.AngerAfter,
        change = new { delta = r.Change, reasons = r.Reasons },
        mood_before = r.MoodBefore.ToId(),
        mood_after = r.MoodAfter.ToId(),
        reaction = r.Reaction,
        outcome = r.Outcome.ToId(),
        core_need_met = r.CoreNeedMet,
        opening = r.Opening,
        line = r.Reply.Text,
        matched = Part(r.Reply.Main),
        parts = r.Reply.Parts.Select(Part),
    };

    private static object Part(LineSource p) => new
    {
        kind = p.Kind,
        id = p.Id,
        keyword = p.Keyword,
        fact = p.Fact,
        reaction = p.Reaction,
        mood = p.Mood?.ToId(),
        written_under = p.WrittenReaction is { } r && p.WrittenMood is { } m ? $"{r}.{m.ToId()}" : null,
        borrowed = p.IsBorrowed,
        text = p.Text,
    };

    private static void Print(Ui ui, TryoutResult r)
    {
        ui.Line($"{ui.Bold(r.PersonaId)} ({r.Difficulty}, seed {r.Seed}), after the opening: \"{r.Opening}\"");
        ui.Line();
        ui.Line($"Trainee:    \"{r.Text}\"");
        ui.Line($"Techniques: {(r.Techniques.Count == 0 ? "none" : string.Join(", ", r.Techniques.Select(t => $"{t.Technique.ToId()} (\"{t.Evidence}\")")))}");
        var change = r.Change == 0 ? "no change" : r.Change.ToString("+0;-0", CultureInfo.InvariantCulture);
        ui.Line($"Anger:      {r.AngerBefore} -> {r.AngerAfter} ({change}){(r.Reasons.Count == 0 ? "" : ": " + string.Join("; ", r.Reasons))}");
        ui.Line($"Mood:       {r.MoodBefore.ToId()} -> {r.MoodAfter.ToId()}");
        ui.Line($"Reaction:   {r.Reaction}{(r.Outcome == CallOutcome.InProgress ? "" : $" (the call ends: {r.Outcome.ToId()})")}");
        ui.Line($"Customer:   \"{r.Reply.Text}\"");
        var first = true;
        foreach (var part in r.Reply.Parts)
        {
            ui.Line($"{(first ? "Because:" : "Then:"),-12}{Describe(part)}");
            first = false;
        }
    }

    /// <summary>Why a piece of the line was said, in a trainer's words.</summary>
    private static string Describe(LineSource p)
    {
        var written = p.Id is null ? "" : $" {p.Id}";
        var borrowed = p.IsBorrowed
            ? $" (borrowed: no {p.Reaction} line fits {p.Mood?.ToId()}, so {p.WrittenReaction}.{p.WrittenMood?.ToId()} spoke)"
            : "";
        return p.Kind switch
        {
            LineKinds.Cue => $"cue \"{p.Keyword}\" matched:{written}{borrowed}",
            LineKinds.Line => $"no cue matched; a {p.Reaction} line:{written}{borrowed}",
            LineKinds.Fact => p.Keyword is null
                ? $"fact '{p.Fact}' (recognised by meaning):{written}"
                : $"fact '{p.Fact}' (keyword \"{p.Keyword}\"):{written}",
            LineKinds.Fallback => $"generic text: the persona has no {p.Reaction} line left to say here",
            LineKinds.Opening => $"opening line:{written}",
            _ => $"{p.Kind.Replace('_', ' ')} (added by mood and chance):{written}",
        };
    }
}
