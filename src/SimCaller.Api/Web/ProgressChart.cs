using System.Globalization;
using System.Text;
using SimCaller.Evaluation.Debriefs;
using static SimCaller.Api.Web.PageLayout;

namespace SimCaller.Api.Web;

/// <summary>
/// A trainee's progress across attempts, drawn as inline SVG on the server: one small chart for the overall
/// score and one per rubric criterion, each attempt a point (0-100), oldest on the left. Criteria are matched
/// by id, so a renamed criterion keeps its line and a new one starts where it first appears.
/// </summary>
internal static class ProgressChart
{
    private const int Width = 280, Height = 120, Left = 28, Right = 10, Top = 10, Bottom = 22;

    /// <param name="attempts">Finished calls with their debriefs, oldest first.</param>
    public static string Render(IReadOnlyList<Debrief> attempts)
    {
        if (attempts.Count == 0)
        {
            return "<p class=\"empty\" id=\"no-progress\">No finished calls yet. Practise one and your progress on each part of the rubric shows here.</p>";
        }
        var series = new List<(string Id, string Name, IReadOnlyList<int?> Scores)>
        {
            ("overall", "Overall score", attempts.Select(a => (int?)a.Score).ToArray()),
        };
        var criteria = attempts.SelectMany(a => a.Criteria).Select(c => c.Id).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var id in criteria)
        {
            var name = attempts.Last(a => a.Criteria.Any(c => c.Id == id)).Criteria.First(c => c.Id == id).Name;
            series.Add((id, name, attempts.Select(a => a.Criteria.FirstOrDefault(c => c.Id == id)?.Score).ToArray()));
        }

        var html = new StringBuilder($"<div class=\"progress-grid\" id=\"progress\" data-attempts=\"{attempts.Count}\">");
        foreach (var (id, name, scores) in series)
        {
            html.Append(Panel(id, name, scores, attempts));
        }
        html.Append("</div>");
        return html.ToString();
    }

    private static string Panel(string id, string name, IReadOnlyList<int?> scores, IReadOnlyList<Debrief> attempts)
    {
        var known = scores.Select((score, i) => (score, i)).Where(p => p.score is not null).Select(p => (Score: p.score!.Value, Index: p.i)).ToArray();
        var latest = known[^1].Score;
        var change = known.Length > 1 ? latest - known[0].Score : 0;
        var trend = known.Length < 2 ? "" : change > 0 ? $"<span class=\"trend up\">+{change} since first</span>"
            : change < 0 ? $"<span class=\"trend down\">{change} since first</span>" : "<span class=\"trend\">same as first</span>";

        double X(int index) => attempts.Count == 1
            ? Left + (Width - Left - Right) / 2.0
            : Left + index * (Width - Left - Right) / (double)(attempts.Count - 1);
        double Y(int score) => Top + (100 - score) * (Height - Top - Bottom) / 100.0;
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append($"<svg class=\"progress-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{E(name)}: {string.Join(", ", known.Select(k => k.Score))}\">");
        foreach (var level in new[] { 0, 50, 100 })
        {
            svg.Append($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(level))}\" y2=\"{N(Y(level))}\"/>");
            svg.Append($"<text class=\"axis\" x=\"{Left - 6}\" y=\"{N(Y(level) + 4)}\" text-anchor=\"end\">{level}</text>");
        }
        svg.Append($"<text class=\"axis\" x=\"{Left}\" y=\"{Height - 6}\">first</text>");
        svg.Append($"<text class=\"axis\" x=\"{Width - Right}\" y=\"{Height - 6}\" text-anchor=\"end\">latest</text>");
        if (known.Length > 1)
        {
            svg.Append($"<polyline class=\"line\" points=\"{string.Join(' ', known.Select(k => $"{N(X(k.Index))},{N(Y(k.Score))}"))}\"/>");
        }
        foreach (var (score, index) in known)
        {
            var attempt = attempts[index];
            svg.Append($"<circle class=\"point\" cx=\"{N(X(index))}\" cy=\"{N(Y(score))}\" r=\"4\" data-score=\"{score}\">" +
                       $"<title>Attempt {index + 1}, {E(When(attempt.StartedAt))}, {E(attempt.PersonaName)}: {score}</title></circle>");
        }
        svg.Append("</svg>");

        return $"<figure class=\"progress-panel\" data-criterion=\"{E(id)}\"><figcaption><span class=\"name\">{E(name)}</span>" +
               $"<span class=\"latest\">{latest}</span>{trend}</figcaption>{svg}</figure>";
    }
}
