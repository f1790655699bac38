using System.Text;
using SimCaller.Core.Calls;
using SimCaller.Evaluation.Debriefs;

namespace SimCaller.Evaluation.Rendering;

/// <summary>The debrief as Markdown, for the terminal and for pasting into notes.</summary>
public static class DebriefMarkdown
{
    public static string Render(Debrief debrief)
    {
        ArgumentNullException.ThrowIfNull(debrief);
        var md = new StringBuilder();
        md.AppendLine($"# Debrief: {Inline(debrief.PersonaName)} ({Inline(debrief.Difficulty)})");
        md.AppendLine();
        md.AppendLine($"**Score: {debrief.Score}/100** | Outcome: **{Formatting.Outcome(debrief.Outcome)}** (`{debrief.Outcome.ToId()}`)");
        md.AppendLine();
        if (debrief.MissingNeedParts is { Count: > 0 } missing)
        {
            md.AppendLine($"The customer's need was not met: never offered {Inline(string.Join(", ", missing))}.");
            md.AppendLine();
        }
        md.AppendLine($"Session `{Code(debrief.SessionId)}`, persona `{Code(debrief.PersonaId)}`, seed {debrief.Seed}, rubric `{Code(debrief.RubricId)}`");
        md.AppendLine();

        md.AppendLine("## Criteria");
        md.AppendLine();
        md.AppendLine("| Criterion | Weight | Score | Summary |");
        md.AppendLine("| --- | ---: | ---: | --- |");
        foreach (var c in debrief.Criteria)
        {
            md.AppendLine($"| {Cell(c.Name)} | {Formatting.Number(c.Weight)} | {c.Score} | {Cell(c.Summary)} |");
        }
        md.AppendLine();
        foreach (var c in debrief.Criteria.Where(c => c.Evidence.Count > 0))
        {
            md.AppendLine($"**{Inline(c.Name)}**");
            foreach (var e in c.Evidence)
            {
                md.AppendLine($"- {(e.Positive ? "+" : "-")} turn {e.TurnNumber} ({Formatting.Clock(e.Seconds)}), {e.Technique}: \"{Inline(e.Quote)}\"{(e.Times > 1 ? $" (said {e.Times} times)" : "")}");
            }
            md.AppendLine();
        }

        md.AppendLine("## Key moments");
        md.AppendLine();
        if (debrief.KeyMoments.Count == 0)
        {
            md.AppendLine("The customer's anger did not move.");
        }
        foreach (var k in debrief.KeyMoments)
        {
            md.AppendLine($"- Turn {k.TurnNumber} ({Formatting.Clock(k.Seconds)}): anger {Formatting.Delta(k.Delta)} ({k.AngerBefore} -> {k.AngerAfter}) after {Inline(k.Move)}: \"{Inline(k.Quote)}\"");
        }
        md.AppendLine();

        md.AppendLine("## Suggestions");
        md.AppendLine();
        var n = 1;
        foreach (var s in debrief.Suggestions)
        {
            md.AppendLine($"{n++}. {Inline(s.Advice)}");
            md.AppendLine($"   Try: {Inline(s.BetterPhrasing)}");
        }
        if (debrief.Suggestions.Count == 0)
        {
            md.AppendLine("Nothing to add.");
        }
        md.AppendLine();

        var st = debrief.Stats;
        md.AppendLine("## Stats");
        md.AppendLine();
        md.AppendLine($"- Turns: {st.Turns} ({st.TraineeTurns} yours)");
        md.AppendLine($"- Your share of the talking: {Formatting.Percent(st.TraineeTalkShare)}");
        md.AppendLine($"- First empathy: {(st.SecondsToFirstEmpathy is { } s0 ? Formatting.Clock(s0) : "never")}");
        md.AppendLine($"- Cliches: {st.ClicheCount}; harmful moves: {st.HarmfulMoveCount}");
        md.AppendLine($"- Anger: {st.StartingAnger} at the start, peak {st.PeakAnger}, {st.FinalAnger} at the end");
        md.AppendLine($"- Duration: {Formatting.Clock(st.DurationSeconds)}");
        return md.ToString();
    }

    // Trainee text is shown as text: no line breaks, no Markdown markup leaking into the layout.
    private static string Inline(string? text) =>
        (text ?? "").Replace("\r", " ").Replace("\n", " ").Replace("`", "'").Replace("*", "\\*").Replace("_", "\\_").Replace("<", "&lt;");

    private static string Code(string? text) => (text ?? "").Replace("`", "'").Replace("\r", " ").Replace("\n", " ");

    private static string Cell(string? text) => Inline(text).Replace("|", "\\|");
}
