using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;

namespace SimCaller.Practice.Authoring;

/// <summary>A line a persona file gives the customer to say, under the id the offline engine reports when it speaks it.</summary>
/// <param name="Id">Its place in the file: "opening_lines[0]", "lines.reactions.empathy.calm[2]", "scenario.facts[1].answers[0]", "behaviours.tangents[3]".</param>
/// <param name="Kind">One of <see cref="LineKinds"/> (a reaction line is <see cref="LineKinds.Line"/> or, with a cue, <see cref="LineKinds.Cue"/>).</param>
/// <param name="Text">The words as spoken ({value} filled in, the cue left out).</param>
/// <param name="Cues">The trigger phrases of a cued line.</param>
public sealed record PersonaLine(string Id, string Kind, string Text, string? Reaction = null, MoodState? Mood = null, IReadOnlyList<string>? Cues = null, string? Fact = null);

/// <summary>Every line of a persona, in file order.</summary>
public static class PersonaLines
{
    public static IReadOnlyList<PersonaLine> Of(PersonaDefinition persona)
    {
        ArgumentNullException.ThrowIfNull(persona);
        var lines = new List<PersonaLine>();
        AddList(lines, "opening_lines", LineKinds.Opening, persona.OpeningLines);
        for (var f = 0; f < persona.Scenario.Facts.Count; f++)
        {
            var fact = persona.Scenario.Facts[f];
            for (var a = 0; a < fact.Answers.Count; a++)
            {
                if (!string.IsNullOrWhiteSpace(fact.Answers[a]))
                {
                    var text = fact.Answers[a].Replace("{value}", fact.Value, StringComparison.OrdinalIgnoreCase).Trim();
                    lines.Add(new PersonaLine($"scenario.facts[{f}].answers[{a}]", LineKinds.Fact, text, Fact: fact.Topic));
                }
            }
        }
        foreach (var (key, byMood) in persona.Lines.Reactions)
        {
            foreach (var (moodKey, moodLines) in byMood ?? [])
            {
                if (!MoodStateIds.TryParse(moodKey, out var mood))
                {
                    continue;
                }
                for (var i = 0; i < (moodLines ?? []).Count; i++)
                {
                    if (ReplyLine.TryParse(moodLines![i], out var line, out _))
                    {
                        lines.Add(new PersonaLine($"lines.reactions.{key.Trim()}.{moodKey.Trim()}[{i}]", line.IsCued ? LineKinds.Cue : LineKinds.Line,
                            line.Text, key.Trim(), mood, line.IsCued ? line.Cues : null));
                    }
                }
            }
        }
        AddList(lines, "lines.reminders", LineKinds.Reminder, persona.Lines.Reminders);
        AddList(lines, "behaviours.insults", LineKinds.Insult, persona.Behaviours.Insults);
        AddList(lines, "behaviours.manager_demands", LineKinds.ManagerDemand, persona.Behaviours.ManagerDemands);
        AddList(lines, "behaviours.online_threats", LineKinds.OnlineThreat, persona.Behaviours.OnlineThreats);
        AddList(lines, "behaviours.tangents", LineKinds.Tangent, persona.Behaviours.Tangents);
        return lines;
    }

    private static void AddList(List<PersonaLine> lines, string key, string kind, IReadOnlyList<string> texts)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(texts[i]))
            {
                lines.Add(new PersonaLine($"{key}[{i}]", kind, texts[i].Trim()));
            }
        }
    }
}
