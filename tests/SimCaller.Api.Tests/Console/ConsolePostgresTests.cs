using System.Net;
using System.Net.Http.Json;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Tests.WebApi;

namespace SimCaller.Api.Tests.Console;

/// <summary>The console on the shared PostgreSQL store: campaigns, attempts, comparison, overrides, assignments and deletion run the same SQL there.</summary>
public sealed class ConsolePostgresTests : IDisposable
{
    private readonly TempDatabase _unusedSqlite = new();
    private SimCallerApp? _app;

    public void Dispose()
    {
        _app?.Dispose();
        _unusedSqlite.Dispose();
    }

    [PostgresFact]
    public async Task The_whole_console_contract_holds_on_postgres()
    {
        _app = new SimCallerApp(_unusedSqlite.Path, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = PostgresFactAttribute.ConnectionString,
            ["RateLimiting:PermitLimit"] = "1000",
        });
        // The server is shared between runs: names of its own.
        var run = Guid.NewGuid().ToString("N")[..8];
        var organisation = $"Pg {run}";
        await _app.AddUserAsync($"hank-{run}@pg.test", Role.Hiring, organisation);
        await _app.AddUserAsync($"tess-{run}@pg.test", Role.Trainer, organisation);
        var ann = await _app.AddUserAsync($"ann-{run}@pg.test", Role.Trainee, organisation);
        await _app.AddUserAsync($"out-{run}@pg.test", Role.Hiring, $"Other {run}");
        var manager = await _app.SignedInAsync($"hank-{run}@pg.test");
        var trainer = await _app.SignedInAsync($"tess-{run}@pg.test");
        var trainee = await _app.SignedInAsync($"ann-{run}@pg.test");

        var campaign = await manager.CreateCampaignAsync(maxAttempts: 1);
        var invite = await manager.InviteAsync(campaign, "Pat Candidate");
        var attempt = await _app.PlayByInviteAsync(invite.Token, ConsoleClient.CalmingLines);
        var again = await _app.CreateClient().PostAsJsonAsync("/api/calls", new { invite = invite.Token });
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("attempts", await again.DetailAsync());
        var row = (await (await manager.GetAsync($"/api/campaigns/{campaign}/comparison")).JsonAsync())["rows"]![0]!;
        Assert.Equal(((string)"Pat Candidate", 1, (double)attempt.Ended["score"]!), ((string)row["candidate"]!, (int)row["attempts"]!, (double)row["best_score"]!));
        Assert.NotEmpty(row["criteria"]!.AsObject());
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignedInAsync($"out-{run}@pg.test")).GetAsync($"/api/campaigns/{campaign}/comparison")).StatusCode);

        await trainer.PostAsJsonAsync("/api/assignments", new
        {
            persona = "stressed-traveler", difficulty = "easy", due_at = DateTimeOffset.UtcNow.AddDays(2), attempts = 1, trainees = new[] { ann.Id },
        });
        var (session, score) = await trainee.PlayAsync("stressed-traveler", "easy", ConsoleClient.CalmingLines);
        var overview = (await (await trainer.GetAsync("/api/assignments")).JsonAsync())["items"]![0]!["trainees"]![0]!;
        Assert.Equal((1, score), ((int)overview["done"]!, (double)overview["best_score"]!));
        var reviewed = await (await trainer.PostAsJsonAsync($"/api/sessions/{session}/overrides", new { criterion = "empathy", score = 100, reason = "Warm throughout." })).JsonAsync();
        Assert.Equal($"tess-{run}@pg.test", (string?)reviewed["overrides"]![0]!["by"]);
        Assert.Equal("Warm throughout.", (string?)(await (await trainee.GetAsync($"/api/sessions/{session}/debrief")).JsonAsync())["overrides"]![0]!["reason"]);

        var deleted = await (await manager.DeleteAsync($"/api/candidates/{invite.CandidateId}")).JsonAsync();
        Assert.Equal(1, (int)deleted["sessions_deleted"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/sessions/{attempt.SessionId}/debrief")).StatusCode);
    }
}
