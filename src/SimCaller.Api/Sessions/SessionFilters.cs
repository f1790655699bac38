using System.Globalization;
using SimCaller.Core.Calls;
using SimCaller.Practice.Storage;

namespace SimCaller.Api.Sessions;

/// <summary>
/// The query string of GET /api/sessions and /api/sessions.csv: persona, difficulty, outcome, trainee, code,
/// from, to (ISO dates, `to` including that whole day, or date-times, UTC unless they say otherwise),
/// min_score, max_score, page (from 1), page_size (1 to 100). A bad value is an error naming the parameter.
/// </summary>
public static class SessionFilters
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <returns>The query, or the reason the request is bad.</returns>
    public static (SessionQuery? Query, string? Error) Parse(IQueryCollection query)
    {
        try
        {
            var page = Int(query, "page", 1, int.MaxValue / MaxPageSize) ?? 1;
            var size = Int(query, "page_size", 1, MaxPageSize) ?? DefaultPageSize;
            var result = new SessionQuery(
                PersonaId: Text(query, "persona"),
                Difficulty: Text(query, "difficulty"),
                Code: Text(query, "code"),
                Outcome: Text(query, "outcome") is { } o
                    ? CallOutcomeIds.TryParse(o, out var outcome)
                        ? outcome
                        : throw new FormatException($"outcome must be one of {string.Join(", ", Enum.GetValues<CallOutcome>().Select(x => x.ToId()))}, not '{o}'.")
                    : null,
                Trainee: Text(query, "trainee"),
                From: Date(query, "from", endOfDay: false),
                To: Date(query, "to", endOfDay: true),
                MinScore: Score(query, "min_score"),
                MaxScore: Score(query, "max_score"),
                Offset: (page - 1) * size,
                Limit: size);
            if (result.From >= result.To) throw new FormatException("from must be before to.");
            if (result.MinScore > result.MaxScore) throw new FormatException("min_score must not be above max_score.");
            return (result, null);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    private static string? Text(IQueryCollection query, string name)
    {
        var values = query[name];
        if (values.Count > 1) throw new FormatException($"{name} may be given once.");
        return string.IsNullOrWhiteSpace(values.ToString()) ? null : values.ToString().Trim();
    }

    private static int? Int(IQueryCollection query, string name, int min, int max) =>
        Text(query, name) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : throw new FormatException($"{name} must be a whole number from {min} to {max}, not '{text}'.");

    private static double? Score(IQueryCollection query, string name) =>
        Text(query, name) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100 ? value
        : throw new FormatException($"{name} must be a number from 0 to 100, not '{text}'.");

    private static DateTimeOffset? Date(IQueryCollection query, string name, bool endOfDay)
    {
        if (Text(query, name) is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }
        if (text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            return moment;
        }
        throw new FormatException($"{name} must be an ISO date like 2026-11-23 or a date-time like 2026-11-23T14:00:00Z, not '{text}'.");
    }
}
