using Microsoft.Extensions.DependencyInjection;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Twilio;
using SimCaller.Practice;

namespace SimCaller.Api.Tests;

/// <summary>
/// PostgreSQL restarts between two turns of a call (an upgrade, a failover). The connections the service
/// had pooled are dead though the server is up again; the next webhook must still be answered normally.
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

    [SkippableFact]
    public async Task A_restart_between_turns_is_not_heard_the_stale_connection_is_retried_on_a_fresh_one()
    {
        Skip.If(postgres.SkipReason is not null, postgres.SkipReason);
        _app = new SimCallerApp(_unusedSqlite.Path, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = postgres.ConnectionString,
            [$"Twilio:Numbers:{TravelerLine}"] = "stressed-traveler",
        });
        var call = new TwilioCallSimulator(_app.CreateClient(), to: TravelerLine);
        await call.DialAsync();
        await call.SayAsync("oh no, your flight cancelled the night before your sister's wedding, that's awful");

        await postgres.RestartAsync();
        var answer = await call.SayAsync("so you need to be in denver by nine tomorrow morning for the wedding, is that right");

        Assert.Contains("n=3", (string?)answer.Element("Gather")?.Attribute("action"));
        Assert.DoesNotContain(LineBrokeUp.TurnLine, answer.ToString());
        var session = await _app.Services.GetRequiredService<PracticeService>().FindByExternalRefAsync(call.CallSid);
        Assert.Equal(5, session!.TurnCount);
    }
}
