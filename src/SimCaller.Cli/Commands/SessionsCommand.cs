using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SimCaller.Cli.Hosting;
using SimCaller.Cli.Terminal;
using SimCaller.Core.Calls;
using SimCaller.Practice;
using SimCaller.Practice.Storage;

namespace SimCaller.Cli.Commands;

/// <summary>`simcaller sessions list`: past calls, newest first.</summary>
public static class SessionsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var limit = new Option<int>("--limit") { Description = "How many sessions", DefaultValueFactory = _ => 20, HelpName = "N" };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--limit must be at least 1.");
            }
        });
        var persona = Text("--persona", "Only calls with this persona id", "ID");
        var difficulty = Text("--difficulty", "Only calls at this difficulty level", "LEVEL");
        var code = Text("--code", "Only calls started from this session code", "CODE");
        var outcome = Text("--outcome", "Only calls that ended this way: " + string.Join(", ", Enum.GetValues<CallOutcome>().Select(o => o.ToId())), "OUTCOME");
        var trainee = Text("--trainee", "Only calls by this trainee (name or phone number as recorded)", "WHO");
        var from = Text("--from", "Only calls started on or after this ISO date or date-time (UTC unless an offset is given)", "DATE");
        var to = Text("--to", "Only calls started up to this ISO date (the whole day) or before this date-time", "DATE");
        var minScore = Text("--min-score", "Only calls whose debrief scored at least this (0-100)", "N");
        var maxScore = Text("--max-score", "Only calls whose debrief scored at most this (0-100)", "N");
        var offset = Text("--offset", "Skip this many matching calls (paging)", "N");
        var list = new Command("list", "List past practice calls, newest first")
        {
            json, limit, persona, difficulty, code, outcome, trainee, from, to, minScore, maxScore, offset,
        };
        list.SetAction(CliRunner.Action(global, async (parse, services, ct) =>
        {
            var query = new SessionQuery(
                parse.GetValue(persona),
                parse.GetValue(difficulty),
                parse.GetValue(code) is { } typed ? new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()) : null,
                parse.GetValue(outcome) is { } o ? ParseOutcome(o) : null,
                parse.GetValue(trainee),
                parse.GetValue(from) is { } f ? ParseDate("--from", f, endOfDay: false) : null,
                parse.GetValue(to) is { } t ? ParseDate("--to", t, endOfDay: true) : null,
                parse.GetValue(minScore) is { } min ? ParseScore("--min-score", min) : null,
                parse.GetValue(maxScore) is { } max ? ParseScore("--max-score", max) : null,
                parse.GetValue(offset) is { } n ? ParseOffset(n) : 0,
                parse.GetValue(limit));
            if (query.From >= query.To)
            {
                throw new UsageException("--from must be before --to.");
            }
            if (query.MinScore > query.MaxScore)
            {
                throw new UsageException("--min-score must not be above --max-score.");
            }
            var sessions = (await services.Get<PracticeService>().QuerySessionsAsync(query, ct)).Sessions;
            if (parse.GetValue(json))
            {
                var rows = sessions.Select(s => new
                {
                    SessionId = s.SessionId,
                    Persona = s.PersonaId,
                    s.Difficulty,
                    s.Seed,
                    s.Channel,
                    s.Trainee,
                    StartedAt = s.StartedAt,
                    EndedAt = s.EndedAt,
                    Outcome = s.Outcome.ToId(),
                    s.Anger,
                    Turns = s.TurnCount,
                    s.Score,
                    s.PersonaHash,
                    Rubric = s.RubricId,
                    s.RubricHash,
                    s.Code,
                    s.Analyser,
                });
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(rows, CliJson.Indented));
                return ExitCodes.Ok;
            }
            var ui = Ui.For(false);
            if (sessions.Count == 0)
            {
                ui.Line("No practice sessions yet. Start one with: simcaller practice");
                return ExitCodes.Ok;
            }
            ui.Line(ui.Bold($"{"SESSION",-16}  {"STARTED (UTC)",-16}  {"PERSONA",-20}  {"DIFFICULTY",-10}  {"OUTCOME",-14}  SCORE"));
            foreach (var s in sessions)
            {
                var score = s.Score is { } value ? value.ToString("0", CultureInfo.InvariantCulture) : "-";
                ui.Line($"{s.SessionId,-16}  {s.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),-16}  {s.PersonaId,-20}  {s.Difficulty,-10}  {s.Outcome.ToId(),-14}  {score}");
            }
            return ExitCodes.Ok;
        }));
        return new Command("sessions", "Past practice calls") { list };
    }

    private static Option<string?> Text(string name, string description, string helpName) =>
        new(name) { Description = description, HelpName = helpName };

    private static CallOutcome ParseOutcome(string text) =>
        CallOutcomeIds.TryParse(text, out var outcome)
            ? outcome
            : throw new UsageException($"--outcome must be one of {string.Join(", ", Enum.GetValues<CallOutcome>().Select(o => o.ToId()))} (got '{text}').");

    /// <summary>An ISO date (the start of that day, or with <paramref name="endOfDay"/> the start of the next) or date-time, UTC unless it says otherwise.</summary>
    private static DateTimeOffset ParseDate(string flag, string text, bool endOfDay)
    {
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }
        if (trimmed.Contains('T') && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            return moment;
        }
        throw new UsageException($"{flag} must be an ISO date like 2026-11-23 or a date-time like 2026-11-23T14:00:00Z (got '{text}').");
    }

    private static double ParseScore(string flag, string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 100
            ? score
            : throw new UsageException($"{flag} must be a number from 0 to 100 (got '{text}').");

    private static int ParseOffset(string text) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset) && offset >= 0
            ? offset
            : throw new UsageException($"--offset must be a whole number, 0 or more (got '{text}').");
}
