using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SimCaller.Cli.Hosting;
using SimCaller.Cli.Terminal;
using SimCaller.Core.Calls;
using SimCaller.Practice;

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
        var list = new Command("list", "List past practice calls, newest first") { json, limit };
        list.SetAction(CliRunner.Action(global, async (parse, services, ct) =>
        {
            var sessions = await services.Get<PracticeService>().ListSessionsAsync(parse.GetValue(limit), ct);
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
}
