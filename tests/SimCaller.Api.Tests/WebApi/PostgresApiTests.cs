using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;

namespace SimCaller.Api.Tests.WebApi;

/// <summary>The HTTP API on a shared PostgreSQL store: a token from one instance works on another, and organisations stay apart.</summary>
public sealed class PostgresApiTests : IDisposable
{
    private readonly TempDatabase _unusedSqlite = new();
    private readonly List<SimCallerApp> _apps = [];
    // The server's database is shared with other tests and runs: names of this test's own.
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

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
            ["RateLimiting:PermitLimit"] = "1000",
        });
        _apps.Add(app);
        return app;
    }

    [PostgresFact]
    public async Task A_call_started_on_one_instance_continues_on_another_and_only_its_organisation_sees_it()
    {
        var first = PostgresApp();
        var second = PostgresApp();
        await first.AddUserAsync($"ann-{_run}@acme.test", Role.Trainee, organisation: $"Acme {_run}");
        await first.AddUserAsync($"tess-{_run}@acme.test", Role.Trainer, organisation: $"Acme {_run}");
        await first.AddUserAsync($"eve-{_run}@globex.test", Role.Trainer, organisation: $"Globex {_run}");
        var ann = await first.SignedInAsync($"ann-{_run}@acme.test");
        var id = (string)(await (await ann.PostAsJsonAsync("/api/calls", new { persona = "stressed-traveler", seed = 3 })).JsonAsync())["session_id"]!;

        var annThere = second.CreateClient();
        annThere.DefaultRequestHeaders.Authorization = ann.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await annThere.PostAsJsonAsync($"/api/calls/{id}/turns", new { text = "I'm sorry, let me help." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await annThere.PostAsync($"/api/calls/{id}/end", null)).StatusCode);

        var tess = await second.SignedInAsync($"tess-{_run}@acme.test");
        var eve = await second.SignedInAsync($"eve-{_run}@globex.test");
        var list = await (await tess.GetAsync("/api/sessions?persona=stressed-traveler")).JsonAsync();
        Assert.Equal(1, (int)list["total"]!);
        Assert.Equal(id, (string?)list["items"]![0]!["session_id"]);
        Assert.Equal(HttpStatusCode.OK, (await tess.GetAsync($"/api/sessions/{id}/debrief")).StatusCode);
        Assert.Equal(0, (int)(await (await eve.GetAsync("/api/sessions")).JsonAsync())["total"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.GetAsync($"/api/sessions/{id}/debrief")).StatusCode);
    }
}
