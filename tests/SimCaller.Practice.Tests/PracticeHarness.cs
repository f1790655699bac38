using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace SimCaller.Practice.Tests;

/// <summary>
/// A practice service over the shipped personas and rubric, the offline voice and a SQLite file in a
/// temporary folder; time is a fake clock. More services on the same file act as other instances.
/// </summary>
public sealed class PracticeHarness : IDisposable
{
    private readonly List<ServiceProvider> _providers = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("simcaller-practice-").FullName;

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configure;

    /// <param name="settings">More configuration (e.g. Personas:Path, Evaluation:Judge:Enabled).</param>
    /// <param name="configure">Services registered before the composition call (which keeps them).</param>
    public PracticeHarness(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _configure = configure;
        Service = NewInstance();
    }

    /// <summary>A folder the test may fill (e.g. with persona files it then edits).</summary>
    public string Folder => _folder;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public string DatabasePath => Path.Combine(_folder, "simcaller.db");

    public PracticeService Service { get; }

    /// <summary>Another, independent service on the same database, as a second server would be.</summary>
    public PracticeService NewInstance() => NewProvider().GetRequiredService<PracticeService>();

    /// <summary>A service of the first instance (e.g. the replayer).</summary>
    public T Get<T>() where T : notnull => _providers[0].GetRequiredService<T>();

    /// <summary>Another instance's services; <paramref name="configure"/> registers more (they win over the defaults).</summary>
    public ServiceProvider NewProvider(Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Path"] = DatabasePath,
                ["Personas:Watch"] = "false",
                // Each harness is a container of its own, and with the sentence model each would embed every
                // persona line again; these tests are about sessions, so they read words by the rules. The
                // model's behaviour is tested in-process in the Persona and Evaluation tests (opt in here with
                // Understanding:Model = minilm).
                ["Understanding:Model"] = "none",
            })
            .AddInMemoryCollection(_settings)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging();
        _configure?.Invoke(services);
        configure?.Invoke(services);
        services.AddSimCallerPractice(configuration);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    /// <summary>Counts rows through a fresh connection, as another process would see them.</summary>
    public long CountRows(string sql, object? sessionId = null)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (sessionId is not null)
        {
            command.Parameters.AddWithValue("$id", sessionId);
        }
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Plays a whole script (one trainee line per turn) and ends the call the way the terminal does.</summary>
    public async Task<(SessionStarted Started, SessionEnded Ended)> PlayAsync(string personaId, int seed, IEnumerable<string> lines, PracticeService? service = null)
    {
        service ??= Service;
        var started = await service.StartAsync(new StartSessionRequest(personaId, Seed: seed));
        foreach (var line in lines)
        {
            Time.Advance(TimeSpan.FromSeconds(20));
            var result = await service.TakeTurnAsync(started.SessionId, new TraineeTurn(line));
            if (result.IsOver)
            {
                break;
            }
        }
        return (started, await service.EndAsync(started.SessionId, EndReason.Abandoned));
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
