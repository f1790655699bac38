using System.Net;
using System.Text;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Debriefs;

namespace SimCaller.Evaluation.Rendering;

/// <summary>
/// The debrief as one self-contained HTML page: inline CSS and SVG, no scripts, no external assets.
/// Every piece of call text is HTML-encoded.
/// </summary>
public static class DebriefHtml
{
    private const string Css = """
        :root { --ink:#1d2330; --muted:#5b6475; --line:#e3e6ec; --good:#1f7a4d; --bad:#b4232a; --accent:#2c5cc5; }
        * { box-sizing: border-box; }
        body { margin:0; font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:#f5f6f9; }
        main { max-width:920px; margin:0 auto; padding:28px 20px 48px; }
        header { display:flex; gap:24px; align-items:center; background:#fff; border:1px solid var(--line); border-radius:14px; padding:20px 24px; }
        .score { width:112px; height:112px; border-radius:50%; display:grid; place-items:center; font-size:38px; font-weight:700; color:#fff; flex:none; }
        .score small { display:block; font-size:13px; font-weight:500; opacity:.85; margin-top:-10px; }
        .score.high { background:var(--good); } .score.mid { background:#c27c0e; } .score.low { background:var(--bad); }
        h1 { margin:0 0 4px; font-size:24px; } h2 { font-size:18px; margin:0 0 12px; }
        .meta { color:var(--muted); font-size:13px; }
        .outcome { display:inline-block; padding:2px 10px; border-radius:999px; background:#eef2fb; color:var(--accent); font-weight:600; font-size:13px; }
        section { background:#fff; border:1px solid var(--line); border-radius:14px; padding:20px 24px; margin-top:18px; }
        .chart text { font-size:11px; fill:var(--muted); } .chart .moment-label { font-size:11px; font-weight:700; fill:var(--ink); }
        .chart .grid { stroke:#fff; stroke-width:1; }
        .criterion { padding:12px 0; border-top:1px solid var(--line); } .criterion:first-of-type { border-top:0; }
        .criterion-head { display:flex; justify-content:space-between; gap:12px; font-weight:600; }
        .bar { height:10px; border-radius:5px; background:#edf0f5; overflow:hidden; margin:6px 0; }
        .bar span { display:block; height:100%; border-radius:5px; }
        .summary { color:var(--muted); margin:4px 0; }
        blockquote { margin:6px 0; padding:6px 12px; border-left:3px solid var(--line); background:#fafbfc; border-radius:0 8px 8px 0; }
        blockquote.pos { border-color:var(--good); } blockquote.neg { border-color:var(--bad); }
        .tag { font-size:12px; color:var(--muted); }
        ol.suggestions li { margin-bottom:12px; } .try { color:var(--good); }
        ul.moments { list-style:none; padding:0; } ul.moments li { padding:6px 0; border-top:1px solid var(--line); }
        .rise { color:var(--bad); font-weight:700; } .fall { color:var(--good); font-weight:700; }
        table.stats { border-collapse:collapse; width:100%; } table.stats td { padding:6px 4px; border-top:1px solid var(--line); }
        table.stats td:last-child { text-align:right; font-weight:600; }
        .note { color:var(--muted); font-size:13px; margin:0 0 10px; text-align:left; }
        table.transcript { border-collapse:collapse; width:100%; font-size:14px; }
        table.transcript th { text-align:left; font-size:12px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); padding:6px 8px; border-bottom:2px solid var(--line); }
        table.transcript td { padding:8px; border-top:1px solid var(--line); vertical-align:top; }
        table.transcript tr.trainee td { background:#f4f7fd; }
        table.transcript tr.key td:first-child { box-shadow:inset 4px 0 0 var(--accent); }
        table.transcript .num, table.transcript .time { white-space:nowrap; color:var(--muted); }
        table.transcript .who { font-weight:600; white-space:nowrap; }
        table.transcript .said { width:50%; }
        table.transcript .anger { white-space:nowrap; }
        .meter { display:inline-block; width:48px; height:8px; border-radius:4px; background:#edf0f5; overflow:hidden; vertical-align:middle; margin-right:6px; }
        .meter span { display:block; height:100%; }
        .anger .value { font-weight:700; } .anger .mood { color:var(--muted); font-size:12px; display:block; }
        .up { color:var(--bad); font-weight:600; } .down { color:var(--good); font-weight:600; }
        .what-if { margin:8px 0 4px; } .what-if figcaption { font-size:14px; margin-bottom:4px; }
        .what-if .legend { color:var(--muted); font-size:12px; } .what-if .real { color:#b4232a; } .what-if .replayed { color:#1f4fa8; }
        .chip { display:inline-block; padding:1px 8px; margin:0 4px 4px 0; border-radius:999px; font-size:12px; white-space:nowrap; }
        .chip.helpful { background:#e3f4e8; color:#14573a; } .chip.harmful { background:#fbe1e1; color:#8c1c22; } .chip.event { background:#eef0f4; color:var(--muted); }
        """;

    /// <param name="whatIfs">Replays of the suggestions, each drawn under its suggestion as a dashed curve over the real one.</param>
    public static string Render(Debrief debrief, IReadOnlyList<WhatIf>? whatIfs = null)
    {
        ArgumentNullException.ThrowIfNull(debrief);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.AppendLine($"<title>Debrief: {E(debrief.PersonaName)} - {debrief.Score}/100</title>");
        html.AppendLine($"<style>{Css}</style></head><body><main>");

        var band = debrief.Score >= 70 ? "high" : debrief.Score >= 45 ? "mid" : "low";
        html.AppendLine("<header>");
        html.AppendLine($"<div class=\"score {band}\" id=\"score\"><div>{debrief.Score}<small>/ 100</small></div></div>");
        html.AppendLine($"<div><h1>{E(debrief.PersonaName)}</h1>");
        html.AppendLine($"<div><span class=\"outcome\">{E(Formatting.Outcome(debrief.Outcome))}</span></div>");
        if (debrief.MissingNeedParts is { Count: > 0 } missing)
        {
            html.AppendLine($"<div class=\"meta\" id=\"missing-need\">The customer's need was not met: never offered {E(string.Join(", ", missing))}.</div>");
        }
        html.AppendLine($"<div class=\"meta\">{E(debrief.Difficulty)} &middot; seed {debrief.Seed} &middot; session {E(debrief.SessionId)} &middot; rubric {E(debrief.RubricId)} &middot; {E(debrief.StartedAt.ToString("yyyy-MM-dd HH:mm"))}</div></div>");
        html.AppendLine("</header>");

        html.AppendLine("<section id=\"anger\"><h2>Customer anger over the call</h2>");
        html.AppendLine(AngerChart.Render(debrief));
        html.AppendLine("</section>");

        html.AppendLine("<section id=\"criteria\"><h2>Criteria</h2>");
        foreach (var c in debrief.Criteria)
        {
            var colour = c.Score >= 70 ? "var(--good)" : c.Score >= 45 ? "#c27c0e" : "var(--bad)";
            html.AppendLine($"<div class=\"criterion\" data-id=\"{E(c.Id)}\">");
            html.AppendLine($"<div class=\"criterion-head\"><span>{E(c.Name)} <span class=\"tag\">weight {E(Formatting.Number(c.Weight))}</span></span><span>{c.Score}</span></div>");
            html.AppendLine($"<div class=\"bar\"><span style=\"width:{c.Score}%;background:{colour}\"></span></div>");
            html.AppendLine($"<p class=\"summary\">{E(c.Summary)}</p>");
            foreach (var e in c.Evidence)
            {
                html.AppendLine($"<blockquote class=\"{(e.Positive ? "pos" : "neg")}\">&ldquo;{E(e.Quote)}&rdquo; <span class=\"tag\">turn {e.TurnNumber}, {Formatting.Clock(e.Seconds)}, {E(e.Technique)}{(e.Times > 1 ? $", said {e.Times} times" : "")}</span></blockquote>");
            }
            html.AppendLine("</div>");
        }
        html.AppendLine("</section>");

        html.AppendLine("<section id=\"moments\"><h2>Key moments</h2><ul class=\"moments\">");
        if (debrief.KeyMoments.Count == 0)
        {
            html.AppendLine("<li>The customer's anger did not move.</li>");
        }
        foreach (var k in debrief.KeyMoments)
        {
            html.AppendLine($"<li><span class=\"{(k.Delta > 0 ? "rise" : "fall")}\">{Formatting.Delta(k.Delta)}</span> turn {k.TurnNumber} ({Formatting.Clock(k.Seconds)}), {k.AngerBefore} &rarr; {k.AngerAfter}, after <strong>{E(k.Move)}</strong>: &ldquo;{E(k.Quote)}&rdquo;</li>");
        }
        html.AppendLine("</ul></section>");

        html.AppendLine("<section id=\"suggestions\"><h2>Suggestions</h2><ol class=\"suggestions\">");
        for (var i = 0; i < debrief.Suggestions.Count; i++)
        {
            var s = debrief.Suggestions[i];
            html.Append($"<li>{E(s.Advice)}<br><span class=\"try\">Try: {E(s.BetterPhrasing)}</span>");
            if (whatIfs?.FirstOrDefault(w => w.SuggestionIndex == i) is { } whatIf)
            {
                html.Append($"<figure class=\"what-if\"><figcaption><strong>What if:</strong> {E(whatIf.Summary)}. ");
                html.Append("<span class=\"legend\"><span class=\"real\">&mdash; the call</span> <span class=\"replayed\">- - - with this line</span></span></figcaption>");
                html.Append(AngerChart.Render(debrief, whatIf));
                html.Append("</figure>");
            }
            html.AppendLine("</li>");
        }
        html.AppendLine("</ol></section>");

        var st = debrief.Stats;
        html.AppendLine("<section id=\"stats\"><h2>Stats</h2><table class=\"stats\">");
        Row(html, "Turns (yours)", $"{st.Turns} ({st.TraineeTurns})");
        Row(html, "Your share of the talking", Formatting.Percent(st.TraineeTalkShare));
        Row(html, "First empathy", st.SecondsToFirstEmpathy is { } s0 ? Formatting.Clock(s0) : "never");
        Row(html, "Cliches", st.ClicheCount.ToString());
        Row(html, "Harmful moves", st.HarmfulMoveCount.ToString());
        Row(html, "Anger: start / peak / end", $"{st.StartingAnger} / {st.PeakAnger} / {st.FinalAnger}");
        Row(html, "Duration", Formatting.Clock(st.DurationSeconds));
        html.AppendLine("</table></section>");
        Transcript(html, debrief);
        html.AppendLine("</main></body></html>");
        return html.ToString();
    }

    // Both sides of the call in order, with where the customer's anger stood after each turn, how it moved,
    // and what the analyser heard in the trainee's lines: what a trainer reads the scores against.
    private static void Transcript(StringBuilder html, Debrief debrief)
    {
        html.AppendLine("<section id=\"transcript\" aria-labelledby=\"transcript-title\"><h2 id=\"transcript-title\">Transcript</h2>");
        var turns = (debrief.Transcript ?? []).Where(t => t is not null).ToArray();
        if (turns.Length == 0)
        {
            html.AppendLine("<p class=\"note\">The transcript was not stored with this debrief.</p></section>");
            return;
        }
        html.AppendLine($"<table class=\"transcript\"><caption class=\"note\">Both sides of the call with {E(debrief.PersonaName)}, {turns.Length} turns. " +
            "Anger is the customer's, 0 (calm) to 100 (furious), after each turn; the arrow shows how far that turn moved it. " +
            "Techniques are what was heard in the trainee's lines. Rows marked in blue are key moments.</caption>");
        html.AppendLine("<thead><tr><th scope=\"col\">Turn</th><th scope=\"col\">Time</th><th scope=\"col\">Speaker</th><th scope=\"col\">What was said</th><th scope=\"col\">Anger after</th><th scope=\"col\">Techniques</th></tr></thead><tbody>");
        var keyTurns = debrief.KeyMoments.Select(k => k.TurnNumber).ToHashSet();
        var previous = debrief.Stats.StartingAnger;
        foreach (var t in turns)
        {
            var trainee = t.Speaker == "trainee";
            var delta = t.Anger - previous;
            previous = t.Anger;
            var colour = t.Anger >= 80 ? "#b4232a" : t.Anger >= 60 ? "#d9622b" : t.Anger >= 40 ? "#c27c0e" : t.Anger >= 20 ? "#8a9a1f" : "#1f7a4d";
            var move = delta > 0 ? $" <span class=\"up\" title=\"angrier by {delta}\">&#9650;{delta}</span>"
                : delta < 0 ? $" <span class=\"down\" title=\"calmer by {-delta}\">&#9660;{-delta}</span>"
                : "";
            html.Append($"<tr class=\"{(trainee ? "trainee" : "customer")}{(keyTurns.Contains(t.TurnNumber) ? " key" : "")}\" data-turn=\"{t.TurnNumber}\">");
            html.Append($"<td class=\"num\">{t.TurnNumber}</td><td class=\"time\">{Formatting.Clock(t.Seconds)}</td>");
            html.Append($"<td class=\"who\">{(trainee ? "Trainee" : "Customer")}</td><td class=\"said\">{E(t.Text)}</td>");
            html.Append($"<td class=\"anger\"><span class=\"meter\" aria-hidden=\"true\"><span style=\"width:{Math.Clamp(t.Anger, 0, 100)}%;background:{colour}\"></span></span><span class=\"value\">{t.Anger}</span>{move}<span class=\"mood\">{E(t.Mood)}</span></td>");
            html.Append("<td class=\"techniques\">");
            foreach (var id in t.Techniques ?? [])
            {
                var kind = TechniqueIds.TryParse(id, out var technique) && technique.IsHarmful() ? "harmful" : "helpful";
                html.Append($"<span class=\"chip {kind}\">{E(id.Replace('_', ' '))}</span>");
            }
            foreach (var callEvent in t.Events ?? [])
            {
                html.Append($"<span class=\"chip event\">{E(callEvent.Replace('_', ' '))}</span>");
            }
            html.AppendLine("</td></tr>");
        }
        html.AppendLine("</tbody></table></section>");
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.AppendLine($"<tr><td>{E(label)}</td><td>{E(value)}</td></tr>");

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
