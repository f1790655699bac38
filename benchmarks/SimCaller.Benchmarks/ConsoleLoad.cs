using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Accounts;
using SimCaller.Benchmarks.Infrastructure;

namespace SimCaller.Benchmarks;

/// <summary>
/// A bounded load test of the console's read routes (issue 14 point 9): the sessions table
/// (GET /api/sessions, filtered and paged) and a campaign comparison (GET /api/campaigns/{id}/comparison)
/// over HTTP with a bearer token, on a SQLite store holding 10,000 finished sessions of which 900 are the
/// attempts of 300 candidates in one campaign. Two clients at once, a fixed number of requests each;
/// prints p50/p95/p99 per route. BenchmarkDotNet has no p99 column, and the question is a tail latency
/// under concurrent use, so this measures that directly.
/// Run: dotnet run -c Release --project benchmarks/SimCaller.Benchmarks -- console-load [requests-per-client]
/// </summary>
public static class ConsoleLoad
{
    private const int Sessions = 10_000;
    private const int Candidates = 300;
    private const int AttemptsEach = 3;
    private const int Clients = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var perClient = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 10, 5000) : 500;
        using var folder = new TempDirectory();
        await using var server = new ConsoleServer(folder.Database);
        var accounts = server.Services.GetRequiredService<AccountService>();
        await accounts.CreateAsync("Bench", "hiring@bench.test", Role.Hiring, "bench password 1");
        await accounts.CreateAsync("Bench", "trainee@bench.test", Role.Trainee, "bench password 1");
        var manager = await SignedInAsync(server, "hiring@bench.test");
        var trainee = await SignedInAsync(server, "trainee@bench.test");

        // One real call each way (a trainee's, a candidate's), then cloned in SQL up to 10,000 sessions.
        var practice = await StartAndEndAsync(trainee, new { persona = "stressed-traveler", difficulty = "standard", seed = 5 }, trainee);
        var campaign = (string)(await (await manager.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Bench campaign", persona = "stressed-traveler", difficulty = "standard", seed = 5, max_attempts = AttemptsEach,
            expires_at = DateTimeOffset.UtcNow.AddDays(30),
        })).Content.ReadFromJsonAsync<JsonNode>())!["campaign_id"]!;
        var invite = (string)(await (await manager.PostAsJsonAsync($"/api/campaigns/{campaign}/invites", new { candidate = "Template" })).Content.ReadFromJsonAsync<JsonNode>())!["invite_token"]!;
        var attempt = await StartAndEndAsync(server.CreateClient(), new { invite }, null, server);

        var seeding = Stopwatch.StartNew();
        Seed(folder.Database, practice, attempt, campaign);
        Console.Error.WriteLine($"Seeded {Sessions} sessions ({Candidates} candidates x {AttemptsEach} attempts) in {seeding.Elapsed.TotalSeconds:0.0} s");

        var random = new Random(7);
        var routes = new (string Name, Func<string> Url)[]
        {
            ("GET /api/sessions (page of 20)", () => $"/api/sessions?page={random.Next(1, 400)}&page_size=20"),
            ("GET /api/sessions (filtered)", () => $"/api/sessions?persona=stressed-traveler&min_score={random.Next(0, 60)}&page={random.Next(1, 20)}"),
            ($"GET /api/campaigns/{{id}}/comparison ({Candidates} candidates)", () => $"/api/campaigns/{campaign}/comparison?sort=score"),
        };
        // Warm-up: JIT, connection pool, and the comparison's one-time summary of each attempt's debrief.
        foreach (var (_, url) in routes)
        {
            for (var i = 0; i < 5; i++) (await manager.GetAsync(url())).EnsureSuccessStatusCode();
        }

        var timings = routes.ToDictionary(r => r.Name, _ => new List<double>());
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var workers = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var client = await SignedInAsync(server, "hiring@bench.test");
            for (var i = 0; i < perClient && !deadline.IsCancellationRequested; i++)
            {
                var (name, url) = routes[(i + c) % routes.Length];
                var target = url();
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(target, deadline.Token);
                await response.Content.ReadAsByteArrayAsync(deadline.Token);
                clock.Stop();
                response.EnsureSuccessStatusCode();
                lock (timings) timings[name].Add(clock.Elapsed.TotalMilliseconds);
            }
        })).ToArray();
        await Task.WhenAll(workers);

        Console.WriteLine($"{Sessions} stored sessions, {Clients} clients at once, {Environment.ProcessorCount} cores");
        Console.WriteLine("| route | requests | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (name, list) in timings)
        {
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {list.Count} | {Percentile(list, 50):0.0} | {Percentile(list, 95):0.0} | {Percentile(list, 99):0.0} | {list[^1]:0.0} |"));
        }
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task<HttpClient> SignedInAsync(ConsoleServer server, string email)
    {
        var client = server.CreateClient();
        var token = (string)(await (await client.PostAsJsonAsync("/api/auth/token", new { email, password = "bench password 1" })).Content.ReadFromJsonAsync<JsonNode>())!["token"]!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> StartAndEndAsync(HttpClient starter, object body, HttpClient? player, ConsoleServer? server = null)
    {
        var started = (await (await starter.PostAsJsonAsync("/api/calls", body)).Content.ReadFromJsonAsync<JsonNode>())!;
        var id = (string)started["session_id"]!;
        if (player is null)
        {
            player = server!.CreateClient();
            player.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)started["call_token"]!);
        }
        await player.PostAsJsonAsync($"/api/calls/{id}/turns", new { text = "I'm so sorry your flight was cancelled. I'll book you on the first flight tomorrow." });
        (await player.PostAsync($"/api/calls/{id}/end", null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>Copies the two template sessions (rows, turns, debrief) in one transaction, spread over a year.</summary>
    private static void Seed(string database, string practiceTemplate, string attemptTemplate, string campaign)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var columns = string.Join(", ", Columns(connection, "sessions").Where(c => c is not "id" and not "started_at" and not "trainee"));
        var turnColumns = string.Join(", ", Columns(connection, "turns").Where(c => c != "session_id"));
        using var session = Command(connection, transaction,
            $"INSERT INTO sessions (id, started_at, trainee, {columns}) SELECT $id, $at, $trainee, {columns} FROM sessions WHERE id = $template");
        using var turns = Command(connection, transaction,
            $"INSERT INTO turns (session_id, {turnColumns}) SELECT $id, {turnColumns} FROM turns WHERE session_id = $template");
        using var debrief = Command(connection, transaction,
            "INSERT INTO debriefs (session_id, token, created_at, score, document) SELECT $id, $token, created_at, $score, document FROM debriefs WHERE session_id = $template");
        using var candidate = Command(connection, transaction,
            "INSERT INTO candidates (id, campaign_id, organisation_id, name, token_hash, attempts_used, created_at) "
            + "SELECT $id, campaign_id, organisation_id, $name, $hash, $attempts, created_at FROM candidates WHERE campaign_id = $campaign LIMIT 1");
        using var attempt = Command(connection, transaction,
            "INSERT INTO campaign_attempts (session_id, campaign_id, candidate_id, started_at) VALUES ($id, $campaign, $candidate, $at)");
        var random = new Random(11);
        var start = DateTimeOffset.UtcNow.AddDays(-365);
        for (var i = 0; i < Sessions - 2; i++)
        {
            var isAttempt = i < Candidates * AttemptsEach;
            var id = $"bench-{i:D5}";
            var at = start.AddMinutes(i * 52.0).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            var candidateId = $"cand-{i / AttemptsEach:D4}";
            if (isAttempt && i % AttemptsEach == 0)
            {
                Run(candidate, ("$id", candidateId), ("$name", $"Candidate {i / AttemptsEach:D4}"), ("$hash", $"hash-{candidateId}"),
                    ("$attempts", AttemptsEach), ("$campaign", campaign));
            }
            var template = isAttempt ? attemptTemplate : practiceTemplate;
            Run(session, ("$id", id), ("$at", at), ("$trainee", isAttempt ? $"Candidate {i / AttemptsEach:D4}" : "trainee@bench.test"), ("$template", template));
            Run(turns, ("$id", id), ("$template", template));
            Run(debrief, ("$id", id), ("$token", $"token-{i}"), ("$score", random.Next(0, 101)), ("$template", template));
            if (isAttempt)
            {
                Run(attempt, ("$id", id), ("$campaign", campaign), ("$candidate", candidateId), ("$at", at));
            }
        }
        transaction.Commit();
    }

    private static IReadOnlyList<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Run(SqliteCommand command, params (string Name, object Value)[] parameters)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    /// <summary>The real API in-process: SQLite, the offline customer, keyword understanding, logging at warnings.</summary>
    private sealed class ConsoleServer(string databasePath) : WebApplicationFactory<global::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(RepositoryData.ApiContentRoot);
            foreach (var (key, value) in new Dictionary<string, string>
            {
                ["Storage:Provider"] = "sqlite",
                ["Storage:Path"] = databasePath,
                ["Personas:Path"] = RepositoryData.Personas,
                ["Personas:Watch"] = "false",
                ["Rubric:Path"] = RepositoryData.Rubric,
                ["Model:Provider"] = "offline",
                ["Understanding:Model"] = "none",
                ["RateLimiting:PermitLimit"] = "100000",
                ["Serilog:MinimumLevel:Default"] = "Warning",
            })
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
