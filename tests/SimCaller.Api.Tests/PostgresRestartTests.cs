using Microsoft.Extensions.DependencyInjection;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Twilio;
using SimCaller.Practice;

namespace SimCaller.Api.Tests;

/// <summary>
/// PostgreSQL restarts between two turns of a call (an upgrade, a failover), or is down for a while. The
/// connections the service had pooled are dead though the server may be up again; the caller must never
/// hear an application error, and no turn may be lost or doubled.
/// </summary>
public sealed class PostgresRestartTests(PrivatePostgres postgres) : IClassFixture<PrivatePostgres>, IDisposable
{
    private const string TravelerLine = "+15557770001";
    private readonly TempDatabase _unusedSqlite = new();
    private SimCallerApp? _app;

    public void Dispose()
    {
        _app?.Dispose();
        _unusedSqlite.Dispose();
    }

    private TwilioCallSimulator NewCall()
    {
        _app = new SimCallerApp(_unusedSqlite.Path, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = postgres.ConnectionString,
            [$"Twilio:Numbers:{TravelerLine}"] = "stressed-traveler",
        });
        return new TwilioCallSimulator(_app.CreateClient(), to: TravelerLine);
    }

    [SkippableFact]
    public async Task A_server_stopped_mid_call_keeps_the_call_and_the_turn_goes_through_once_it_is_back()
    {
        Skip.If(postgres.SkipReason is not null, postgres.SkipReason);
        var call = NewCall();
        await call.DialAsync();
        var turn = (string)call.Gather!.Attribute("action")!;
        const string apology = "oh no, your flight cancelled the night before your sister's wedding, that's awful";

        await postgres.StopAsync();
        try
        {
            var kept = await call.SayAsync(apology);
            Assert.Equal(turn, (string?)kept.Element("Gather")?.Attribute("action"));
            Assert.Equal(LineBrokeUp.TurnLine, kept.Element("Gather")?.Element("Say")?.Value);
        }
        finally
        {
            await postgres.StartAsync();
        }
        var answer = await call.SayAsync(apology);

        Assert.Contains("n=2", (string?)answer.Element("Gather")?.Attribute("action"));
        var session = await _app!.Services.GetRequiredService<PracticeService>().FindByExternalRefAsync(call.CallSid);
        Assert.Equal(3, session!.TurnCount);
    }

    [SkippableFact]
    public async Task A_restart_between_turns_is_not_heard_the_stale_connection_is_retried_on_a_fresh_one()
    {
        Skip.If(postgres.SkipReason is not null, postgres.SkipReason);
        var call = NewCall();
        await call.DialAsync();
        await call.SayAsync("oh no, your flight cancelled the night before your sister's wedding, that's awful");

        await postgres.RestartAsync();
        var answer = await call.SayAsync("so you need to be in denver by nine tomorrow morning for the wedding, is that right");

        Assert.Contains("n=3", (string?)answer.Element("Gather")?.Attribute("action"));
        Assert.DoesNotContain(LineBrokeUp.TurnLine, answer.ToString());
        var session = await _app!.Services.GetRequiredService<PracticeService>().FindByExternalRefAsync(call.CallSid);
        Assert.Equal(5, session!.TurnCount);
    }
}
