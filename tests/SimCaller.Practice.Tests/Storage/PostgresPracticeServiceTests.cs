using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SimCaller.Core.Calls;

namespace SimCaller.Practice.Tests.Storage;

/// <summary>Practice calls on PostgreSQL through the real composition, with two services acting as two API instances.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPracticeServiceTests(PostgresServer server) : IDisposable
{
    private readonly List<ServiceProvider> _providers = [];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [SkippableFact]
    public async Task A_second_instance_continues_and_ends_a_call_the_first_started()
    {
        var connectionString = await server.NewSchemaAsync();
        var first = NewInstance(connectionString);
        var second = NewInstance(connectionString);

        var started = await first.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 11, Channel: "phone", ExternalRef: "CA-77"));
        _time.Advance(TimeSpan.FromSeconds(20));
        var opening = await first.TakeTurnAsync(started.SessionId, new TraineeTurn("I'm so sorry your flight was cancelled, that sounds awful.", RequestKey: "turn-1"));
        _time.Advance(TimeSpan.FromSeconds(20));
        await second.TakeTurnAsync(started.SessionId, new TraineeTurn("So you need to be in Denver before nine tomorrow, is that right?", RequestKey: "turn-2"));
        var retried = await second.TakeTurnAsync(started.SessionId, new TraineeTurn("I'm so sorry your flight was cancelled, that sounds awful.", RequestKey: "turn-1"));
        _time.Advance(TimeSpan.FromSeconds(20));
        var ended = await second.EndAsync(started.SessionId, EndReason.AgentHungUp);

        Assert.True(retried.Replayed);
        Assert.Equal(opening.CustomerLine, retried.CustomerLine);
        var transcript = await first.GetTranscriptAsync(started.SessionId);
        Assert.Equal(
            ["I'm so sorry your flight was cancelled, that sounds awful.", "So you need to be in Denver before nine tomorrow, is that right?"],
            transcript.Turns.Where(t => t.Speaker == Speaker.Trainee).Select(t => t.Text));
        Assert.Equal(5, transcript.Turns.Count);
        Assert.Equal(ended.Outcome, (await first.FindByExternalRefAsync("CA-77"))!.Outcome);
        Assert.Equal(ended.Debrief.Score, (await first.FindDebriefByTokenAsync(ended.DebriefToken))!.Debrief.Score);
        Assert.Equal(ended.DebriefToken, (await first.EndAsync(started.SessionId, EndReason.Abandoned)).DebriefToken);
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
    }

    private PracticeService NewInstance(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "postgres",
                ["Storage:ConnectionString"] = connectionString,
                ["Personas:Watch"] = "false",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddLogging();
        services.AddSimCallerPractice(configuration);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<PracticeService>();
    }
}
