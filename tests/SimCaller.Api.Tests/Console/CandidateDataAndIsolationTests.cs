using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Tests.WebApi;
using SimCaller.Hiring;
using SimCaller.Practice;

namespace SimCaller.Api.Tests.Console;

/// <summary>Deleting a candidate, the retention of candidate data, and another organisation seeing none of the console.</summary>
public sealed class CandidateDataAndIsolationTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly LogEvents _logs = new();
    private readonly SimCallerApp _app;

    public CandidateDataAndIsolationTests() => _app = new SimCallerApp(_database.Path,
        new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "1000", ["Retention:CandidateDays"] = "30" },
        services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton<ILogEventSink>(_logs);
        });

    public void Dispose()
    {
        _app.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task Deleting_a_candidate_removes_them_and_their_sessions_and_is_logged()
    {
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        await _app.AddUserAsync("tess@acme.test", Role.Trainer);
        var manager = await _app.SignedInAsync("hank@acme.test");
        var campaign = await manager.CreateCampaignAsync(maxAttempts: 3, expiresAt: _clock.GetUtcNow().AddDays(10));
        var gone = await manager.InviteAsync(campaign, "Gone Candidate");
        var kept = await manager.InviteAsync(campaign, "Kept Candidate");
        var goneCalls = new[] { await _app.PlayByInviteAsync(gone.Token, ConsoleClient.HarshLines), await _app.PlayByInviteAsync(gone.Token, ConsoleClient.CalmingLines) };
        var keptCall = await _app.PlayByInviteAsync(kept.Token, ConsoleClient.CalmingLines);
        var tess = await _app.SignedInAsync("tess@acme.test");
        await tess.PostAsJsonAsync($"/api/sessions/{goneCalls[0].SessionId}/overrides", new { criterion = "empathy", score = 10, reason = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, (await tess.DeleteAsync($"/api/candidates/{gone.CandidateId}")).StatusCode);
        var deleted = await manager.DeleteAsync($"/api/candidates/{gone.CandidateId}");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(2, (int)(await deleted.JsonAsync())["sessions_deleted"]!);
        var practice = _app.Services.GetRequiredService<PracticeService>();
        foreach (var (id, _) in goneCalls)
        {
            Assert.Null(await practice.FindAsync(id));
            Assert.Null(await practice.FindDebriefAsync(id));
            Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/sessions/{id}/debrief")).StatusCode);
        }
        Assert.NotNull(await practice.FindAsync(keptCall.SessionId));
        var sessions = await manager.GetStringAsync("/api/sessions");
        Assert.DoesNotContain("Gone Candidate", sessions);
        Assert.Contains("Kept Candidate", sessions);
        var rows = (await (await manager.GetAsync($"/api/campaigns/{campaign}/comparison")).JsonAsync())["rows"]!.AsArray();
        Assert.Equal(["Kept Candidate"], rows.Select(r => (string)r!["candidate"]!));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().PostAsJsonAsync("/api/calls", new { invite = gone.Token })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.DeleteAsync($"/api/candidates/{gone.CandidateId}")).StatusCode);
        Assert.Contains(_logs.All, e => e.MessageTemplate.Text.StartsWith("Candidate {CandidateId}", StringComparison.Ordinal)
            && e.MessageTemplate.Text.Contains("deleted", StringComparison.Ordinal) && e.Properties["CandidateId"].ToString().Contains(gone.CandidateId));
    }

    [Fact]
    public async Task The_retention_deletes_only_candidate_data_older_than_configured()
    {
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        await _app.AddUserAsync("ann@acme.test", Role.Trainee);
        var manager = await _app.SignedInAsync("hank@acme.test");
        var trainee = await _app.SignedInAsync("ann@acme.test");
        var campaign = await manager.CreateCampaignAsync(maxAttempts: 2, expiresAt: _clock.GetUtcNow().AddDays(90));
        var old = await manager.InviteAsync(campaign, "Old Candidate");
        var oldCall = await _app.PlayByInviteAsync(old.Token, ConsoleClient.CalmingLines);
        var practiceCall = await trainee.PlayAsync("stressed-traveler", "easy", ConsoleClient.CalmingLines);

        _clock.Advance(TimeSpan.FromDays(31));
        manager = await _app.SignedInAsync("hank@acme.test");
        var recent = await manager.InviteAsync(campaign, "Recent Candidate");
        var recentCall = await _app.PlayByInviteAsync(recent.Token, ConsoleClient.CalmingLines);
        await _app.Services.GetRequiredService<CandidateRetention>().RunOnceAsync();

        var practice = _app.Services.GetRequiredService<PracticeService>();
        Assert.Null(await practice.FindAsync(oldCall.SessionId));
        Assert.NotNull(await practice.FindAsync(recentCall.SessionId));
        Assert.NotNull(await practice.FindAsync(practiceCall.SessionId)); // a trainee's practice is not candidate data
        var rows = (await (await manager.GetAsync($"/api/campaigns/{campaign}/comparison")).JsonAsync())["rows"]!.AsArray();
        Assert.Equal(["Recent Candidate"], rows.Select(r => (string)r!["candidate"]!));
        Assert.Contains(_logs.All, e => e.MessageTemplate.Text.StartsWith("Retention: candidate", StringComparison.Ordinal)
            && e.Properties["CandidateId"].ToString().Contains(old.CandidateId));
    }

    [Theory]
    [InlineData("-1", "Retention:CandidateDays")]
    [InlineData("99999", "Retention:CandidateDays")]
    public void A_bad_retention_setting_stops_the_start_naming_the_key(string days, string key)
    {
        using var database = new TempDatabase();
        using var app = new SimCallerApp(database.Path, new Dictionary<string, string?> { ["Retention:CandidateDays"] = days });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains(key, (error as OptionsValidationException ?? error.InnerException ?? error).Message);
    }

    [Fact]
    public async Task Another_organisations_trainer_and_hiring_manager_get_403_or_404_on_every_console_route_and_nothing_leaks()
    {
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        await _app.AddUserAsync("ann@acme.test", Role.Trainee);
        await _app.AddUserAsync("tess@acme.test", Role.Trainer);
        await _app.AddUserAsync("gina@globex.test", Role.Hiring, organisation: "Globex");
        await _app.AddUserAsync("gary@globex.test", Role.Trainer, organisation: "Globex");
        await _app.AddUserAsync("gail@globex.test", Role.Admin, organisation: "Globex");
        var manager = await _app.SignedInAsync("hank@acme.test");
        var campaign = await manager.CreateCampaignAsync(name: "Acme secret hiring");
        var candidate = await manager.InviteAsync(campaign, "Acme Candidate");
        var candidateCall = await _app.PlayByInviteAsync(candidate.Token, ConsoleClient.CalmingLines);
        var (traineeCall, _) = await (await _app.SignedInAsync("ann@acme.test")).PlayAsync("stressed-traveler", "easy", ConsoleClient.CalmingLines);
        await (await _app.SignedInAsync("tess@acme.test")).PostAsJsonAsync("/api/assignments", new
        {
            persona = "stressed-traveler", difficulty = "easy", due_at = DateTimeOffset.UtcNow.AddDays(3), attempts = 1, trainees = new[] { "ann@acme.test" },
        });

        foreach (var email in new[] { "gina@globex.test", "gary@globex.test", "gail@globex.test" })
        {
            var outsider = await _app.SignedInAsync(email);
            var responses = new[]
            {
                await outsider.GetAsync($"/api/campaigns/{campaign}"),
                await outsider.PostAsJsonAsync($"/api/campaigns/{campaign}/invites", new { candidate = "Mole" }),
                await outsider.GetAsync($"/api/campaigns/{campaign}/comparison"),
                await outsider.GetAsync($"/api/campaigns/{campaign}/comparison.csv"),
                await outsider.DeleteAsync($"/api/candidates/{candidate.CandidateId}"),
                await outsider.PostAsJsonAsync($"/api/sessions/{traineeCall}/overrides", new { criterion = "empathy", score = 0, reason = "sabotage" }),
                await outsider.PostAsJsonAsync($"/api/sessions/{candidateCall.SessionId}/overrides", new { criterion = "empathy", score = 0, reason = "sabotage" }),
            };
            foreach (var response in responses)
            {
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{email} {response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {response.StatusCode}");
                var body = await response.Content.ReadAsStringAsync();
                foreach (var secret in new[] { "Acme", "stressed-traveler", "Candidate", "empathy", "score\":" })
                {
                    Assert.DoesNotContain(secret, body);
                }
            }
            var campaigns = await outsider.GetAsync("/api/campaigns");
            if (campaigns.StatusCode == HttpStatusCode.OK) Assert.Empty((await campaigns.JsonAsync())["items"]!.AsArray());
            var assignments = await outsider.GetAsync("/api/assignments");
            if (assignments.StatusCode == HttpStatusCode.OK) Assert.Empty((await assignments.JsonAsync())["items"]!.AsArray());
            else Assert.Equal(HttpStatusCode.Forbidden, assignments.StatusCode);
        }

        // Nothing changed for Acme.
        var rows = (await (await manager.GetAsync($"/api/campaigns/{campaign}/comparison")).JsonAsync())["rows"]!.AsArray();
        Assert.Equal(["Acme Candidate"], rows.Select(r => (string)r!["candidate"]!));
        var debrief = await (await (await _app.SignedInAsync("ann@acme.test")).GetAsync($"/api/sessions/{traineeCall}/debrief")).JsonAsync();
        Assert.Empty(debrief["overrides"]!.AsArray());
    }
}
