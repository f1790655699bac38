using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Accounts;
using SimCaller.Benchmarks.Infrastructure;
using SimCaller.Core.Calls;
using SimCaller.Practice;
using SimCaller.Practice.Storage;
using SimCaller.Storage.Rows;

namespace SimCaller.Benchmarks;

/// <summary>
/// Latency of single HTTP API requests against 10,000 stored sessions of one organisation (SQLite, the real
/// app in-process): lists and filters, the CSV export of one persona, a debrief, a sign-in, a call's start
/// and a turn. Each measurement is one request, so P99 is the 99th percentile of requests (<see cref="LatencyConfig"/>).
/// </summary>
[Config(typeof(LatencyConfig))]
public class ApiBenchmarks
{
    private const int StoredSessions = 10_000;
    private const int Trainees = 20;
    private const string Password = "bench-password-1";
    private static readonly string[] Personas = ["stressed-traveler", "abusive-caller", "off-topic-ranter", "worried-pensioner"];
    private static readonly string[] Levels = ["easy", "standard", "hard"];
    private static readonly CallOutcome[] Outcomes = [CallOutcome.Resolved, CallOutcome.HungUp, CallOutcome.Escalated, CallOutcome.Abandoned];

    // One seeded server for every benchmark of the run: seeding 10,000 sessions once, not per case.
    private static readonly Lazy<Seeded> Data = new(Seed);

    private sealed record Seeded(TempDirectory Folder, SimCallerServer Server, HttpClient Trainer, HttpClient Trainee, string TraineeEmail, string DebriefSession);

    private int _turns;
    private string _callId = "";
    private HttpClient Trainer => Data.Value.Trainer;

    [GlobalSetup]
    public void Setup() => _ = Data.Value;

    [IterationSetup(Target = nameof(TakeTurn))]
    public void StartCallForTurn()
    {
        // A fresh call every 8 turns, so no measured turn meets a call that has ended.
        if (_turns++ % 8 == 0)
        {
            var started = Data.Value.Trainee.PostAsJsonAsync("/api/calls", new { persona = "stressed-traveler" }).GetAwaiter().GetResult();
            _callId = (string)JsonNode.Parse(started.Content.ReadAsStringAsync().GetAwaiter().GetResult())!["session_id"]!;
        }
    }

    [Benchmark(Description = "GET /api/sessions (first page)")]
    public Task<string> ListFirstPage() => Trainer.GetStringAsync("/api/sessions");

    [Benchmark(Description = "GET /api/sessions (4 filters, page 5)")]
    public Task<string> ListFiltered() =>
        Trainer.GetStringAsync("/api/sessions?persona=abusive-caller&outcome=resolved&min_score=40&from=2026-01-01&page=5&page_size=20");

    [Benchmark(Description = "GET /api/sessions (a trainee's own)")]
    public Task<string> ListOwn() => Data.Value.Trainee.GetStringAsync("/api/sessions?page=3");

    [Benchmark(Description = "GET /api/sessions.csv (one persona, 2,500 rows)")]
    public Task<string> Csv() => Trainer.GetStringAsync("/api/sessions.csv?persona=worried-pensioner");

    [Benchmark(Description = "GET /api/sessions/{id}/debrief")]
    public Task<string> Debrief() => Trainer.GetStringAsync($"/api/sessions/{Data.Value.DebriefSession}/debrief");

    [Benchmark(Description = "POST /api/auth/token (PBKDF2)")]
    public Task<HttpResponseMessage> SignIn() =>
        Data.Value.Server.CreateClient().PostAsJsonAsync("/api/auth/token", new { email = Data.Value.TraineeEmail, password = Password });

    [Benchmark(Description = "POST /api/calls")]
    public Task<HttpResponseMessage> StartCall() => Data.Value.Trainee.PostAsJsonAsync("/api/calls", new { persona = "off-topic-ranter" });

    [Benchmark(Description = "POST /api/calls/{id}/turns")]
    public Task<HttpResponseMessage> TakeTurn() =>
        Data.Value.Trainee.PostAsJsonAsync($"/api/calls/{_callId}/turns", new { text = TraineeLines.MidCall[_turns % TraineeLines.MidCall.Count] });

    private static Seeded Seed()
    {
        var folder = new TempDirectory();
        var server = new SimCallerServer(folder.Database);
        var accounts = server.Services.GetRequiredService<AccountService>();
        var (trainer, organisation, _) = accounts.CreateAsync("Bench", "trainer@bench.test", Role.Trainer, Password).GetAwaiter().GetResult();
        var trainees = Enumerable.Range(0, Trainees)
            .Select(i => accounts.CreateAsync("Bench", $"trainee{i}@bench.test", Role.Trainee, Password).GetAwaiter().GetResult().Account)
            .ToArray();
        var trainerClient = SignedIn(server, trainer.Email);
        var traineeClient = SignedIn(server, trainees[0].Email);

        // One real call gives the debrief document and mood snapshot every stored session copies.
        var real = JsonNode.Parse(traineeClient.PostAsJsonAsync("/api/calls", new { persona = "stressed-traveler" }).GetAwaiter().GetResult()
            .Content.ReadAsStringAsync().GetAwaiter().GetResult())!;
        var realId = (string)real["session_id"]!;
        traineeClient.PostAsJsonAsync($"/api/calls/{realId}/turns", new { text = TraineeLines.MidCall[0] }).GetAwaiter().GetResult();
        traineeClient.PostAsync($"/api/calls/{realId}/end", null).GetAwaiter().GetResult().EnsureSuccessStatusCode();
        var store = server.Services.GetRequiredService<ISessionStore>();
        var template = store.LoadCallAsync(realId).GetAwaiter().GetResult()!;
        var debrief = store.FindDebriefAsync(realId).GetAwaiter().GetResult()!;

        // The rows the store would write, in one transaction (the store's one per call takes minutes for 10,000).
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        using (var connection = new SqliteConnection($"Data Source={folder.Database}"))
        {
            connection.Open();
            using var transaction = connection.BeginTransaction();
            for (var i = 0; i < StoredSessions; i++)
            {
                var id = $"bench{i:D5}";
                var at = start.AddMinutes(i * 30);
                var trainee = trainees[i % Trainees];
                var ended = i % 10 != 9;
                var outcome = ended ? Outcomes[i / 4 % Outcomes.Length] : CallOutcome.InProgress;
                var session = template.Session with
                {
                    Id = id, PersonaId = Personas[i % Personas.Length], Difficulty = Levels[i % Levels.Length], Seed = i, StartedAt = at,
                    Trainee = trainee.Email, AccountId = trainee.Id, OrganisationId = organisation.Id, TurnCount = 1,
                    EndedAt = ended ? at.AddMinutes(6) : null, Outcome = outcome, Code = i % 10 == 0 ? "12345678" : null,
                };
                connection.Execute(SessionSql.InsertSession, SessionRow.From(session), transaction);
                connection.Execute(SessionSql.InsertTurn, RowMapping.ToRow(id, template.Turns[0].Turn, session.MoodSnapshot), transaction);
                if (ended)
                {
                    var record = debrief with { SessionId = id, Token = Guid.NewGuid().ToString("N"), CreatedAt = at.AddMinutes(6), Score = i * 37 % 101 };
                    connection.Execute(SessionSql.InsertDebrief, DebriefRow.From(record), transaction);
                }
            }
            transaction.Commit();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.Dispose();
            folder.Dispose();
        };
        return new Seeded(folder, server, trainerClient, traineeClient, trainees[0].Email, "bench04242");
    }

    private static HttpClient SignedIn(SimCallerServer server, string email)
    {
        var client = server.CreateClient();
        var response = client.PostAsJsonAsync("/api/auth/token", new { email, password = Password }).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        var token = (string)JsonNode.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult())!["token"]!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
