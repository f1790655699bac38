using Microsoft.Extensions.DependencyInjection;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Core.Calls;
using SimCaller.Practice;

namespace SimCaller.Api.Tests;

/// <summary>Two API instances behind one number, sharing a PostgreSQL store: either can take any webhook.</summary>
public sealed class SharedStoreTests : IDisposable
{
    private const string TravelerLine = "+15557770001";
    private readonly TempDatabase _unusedSqlite = new();
    private readonly List<SimCallerApp> _apps = [];

    public void Dispose()
    {
        foreach (var app in _apps) app.Dispose();
        _unusedSqlite.Dispose();
    }

    private SimCallerApp PostgresApp()
    {
        var app = new SimCallerApp(_unusedSqlite.Path, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = PostgresFactAttribute.ConnectionString,
            [$"Twilio:Numbers:{TravelerLine}"] = "stressed-traveler",
        });
        _apps.Add(app);
        return app;
    }

    [PostgresFact]
    public async Task Instances_on_one_postgres_store_alternate_through_a_whole_call()
    {
        var first = PostgresApp();
        var second = PostgresApp();
        var clients = new[] { first.CreateClient(), second.CreateClient() };
        var call = new TwilioCallSimulator(clients[0], to: TravelerLine);
        await call.DialAsync();

        string?[] script =
        [
            "oh no, your flight cancelled the night before your sister's wedding, that's awful, anyone would be upset",
            "so you need to be in denver by nine tomorrow morning for the wedding, is that right",
            "i'm so sorry we cancelled your flight tonight, i'll take care of this myself",
            "i've booked you on the six oh five morning flight tomorrow, a confirmed seat landing in denver at eight",
            "your confirmation email will arrive in the next five minutes with the new seat",
            "is that everything sorted for you",
            "thank you for your patience tonight",
        ];
        for (var turn = 0; turn < 20 && !call.IsOver; turn++)
        {
            call.SwitchTo(clients[(turn + 1) % 2]);
            await call.SayAsync(script[turn % script.Length]);
        }

        Assert.True(call.HungUp);
        var session = await first.Services.GetRequiredService<PracticeService>().FindByExternalRefAsync(call.CallSid);
        Assert.Equal(CallOutcome.Resolved, session!.Outcome);
        using var page = await clients[1].GetAsync($"/debriefs/{session.DebriefToken}");
        Assert.Contains("<svg", await page.Content.ReadAsStringAsync());
    }

    [PostgresFact]
    public async Task A_retry_landing_on_the_other_instance_is_still_applied_once()
    {
        var first = PostgresApp();
        var second = PostgresApp();
        var call = new TwilioCallSimulator(first.CreateClient(), to: TravelerLine);
        await call.DialAsync();
        var action = (string)call.Gather!.Attribute("action")!;
        var form = call.CallForm("in-progress");
        form["SpeechResult"] = "i'm so sorry, that sounds really stressful";

        using var once = await call.SendAsync(action, form);
        call.SwitchTo(second.CreateClient());
        using var again = await call.SendAsync(action, form);

        Assert.Equal(await once.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var session = await second.Services.GetRequiredService<PracticeService>().FindByExternalRefAsync(call.CallSid);
        Assert.Equal(3, session!.TurnCount);
    }
}
