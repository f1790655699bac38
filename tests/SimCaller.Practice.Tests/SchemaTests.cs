using Microsoft.Data.Sqlite;
using SimCaller.Core.Calls;
using SimCaller.Practice.Storage;
using SimCaller.Storage.Schema;
using SimCaller.Storage.Sqlite;

namespace SimCaller.Practice.Tests;

public class SchemaTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("simcaller-schema-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_new_file_in_a_new_folder_gets_the_whole_schema_in_wal_mode()
    {
        var path = Path.Combine(_folder, "nested", "calls.db");
        var store = new SqliteSessionStore(path);

        var version = await store.MigrateAsync();

        Assert.Equal(Migrations.All.Max(m => m.Version), version);
        Assert.True(File.Exists(path));
        Assert.Equal(Migrations.All.Count, Scalar(path, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal("wal", Text(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Reopening_keeps_data_and_applies_nothing_twice()
    {
        var path = Path.Combine(_folder, "calls.db");
        var session = new SessionRecord("s1", "stressed-traveler", "Dana", "standard", 7, "terminal", null, "CA1",
            DateTimeOffset.UnixEpoch, null, CallOutcome.InProgress, 62, "{}", 1, 62, "angry");
        await new SqliteSessionStore(path).CreateSessionAsync(session,
            new TranscriptTurn(1, DateTimeOffset.UnixEpoch, Speaker.Customer, "Hello?", 62, "angry", []));
        SqliteConnection.ClearAllPools();

        var reopened = new SqliteSessionStore(path);

        Assert.Equal(Migrations.All.Max(m => m.Version), await reopened.MigrateAsync());
        Assert.Equal(Migrations.All.Count, Scalar(path, "SELECT COUNT(*) FROM schema_version"));
        var found = await reopened.FindSessionByExternalRefAsync("CA1");
        Assert.Equal(session, found);
        Assert.Equal("Hello?", Assert.Single(await reopened.GetTurnsAsync("s1")).Text);
    }

    [Fact]
    public async Task A_database_from_an_older_version_is_brought_up_to_date()
    {
        var path = Path.Combine(_folder, "old.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            await SchemaMigrator.MigrateAsync(connection, Migrations.All.Take(1).ToArray(), TimeProvider.System);
        }
        Assert.Equal(1, Scalar(path, "SELECT MAX(version) FROM schema_version"));

        var version = await new SqliteSessionStore(path).MigrateAsync();

        Assert.Equal(Migrations.All.Max(m => m.Version), version);
        Assert.Equal(0, Scalar(path, "SELECT COUNT(*) FROM debriefs"));
    }

    [Fact]
    public async Task A_step_numbered_below_one_already_applied_is_still_applied_once()
    {
        // Two branches each added a step; the database met the higher one first.
        var path = Path.Combine(_folder, "gap.db");
        Migration[] mine = [new(1, "base", "CREATE TABLE base (x INTEGER)"), new(3, "mine", "CREATE TABLE mine (x INTEGER)")];
        Migration[] merged = [.. mine, new(2, "theirs", "CREATE TABLE theirs (x INTEGER)")];
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Assert.Equal(3, await SchemaMigrator.MigrateAsync(connection, mine, TimeProvider.System));

            Assert.Equal(3, await SchemaMigrator.MigrateAsync(connection, merged, TimeProvider.System));
            await SchemaMigrator.MigrateAsync(connection, merged, TimeProvider.System);
        }

        Assert.Equal(3, Scalar(path, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(0, Scalar(path, "SELECT COUNT(*) FROM theirs"));
    }

    [Fact]
    public async Task Two_sessions_left_by_one_retried_call_survive_the_migration_and_the_latest_keeps_the_reference()
    {
        var path = Path.Combine(_folder, "doubled.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            await SchemaMigrator.MigrateAsync(connection, Migrations.All.Where(m => m.Version <= 2).ToArray(), TimeProvider.System);
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO sessions (id, persona_id, persona_name, difficulty, seed, channel, trainee, external_ref,
                                      started_at, ended_at, outcome, starting_anger, mood_snapshot, turn_count)
                VALUES ('older', 'stressed-traveler', 'Dana', 'standard', 1, 'phone', NULL, 'CA-twice', '2026-11-01T10:00:00.0000000Z', NULL, 'in_progress', 60, '{}', 1),
                       ('newer', 'stressed-traveler', 'Dana', 'standard', 2, 'phone', NULL, 'CA-twice', '2026-11-01T10:00:01.0000000Z', NULL, 'in_progress', 60, '{}', 1);
                """;
            insert.ExecuteNonQuery();
        }

        var store = new SqliteSessionStore(path);
        Assert.Equal(Migrations.All.Max(m => m.Version), await store.MigrateAsync());

        Assert.Equal(2, Scalar(path, "SELECT COUNT(*) FROM sessions"));
        Assert.Equal("newer", Text(path, "SELECT session_id FROM session_refs WHERE external_ref = 'CA-twice'"));
        Assert.Equal("newer", (await store.FindSessionByExternalRefAsync("CA-twice"))?.Id);
        var retried = new SessionRecord("third", "stressed-traveler", "Dana", "standard", 3, "phone", null, "CA-twice",
            DateTimeOffset.UnixEpoch, null, CallOutcome.InProgress, 60, "{}", 1, 60, "angry");
        Assert.False(await store.CreateSessionAsync(retried, new TranscriptTurn(1, DateTimeOffset.UnixEpoch, Speaker.Customer, "Hello?", 60, "angry", [])));
    }

    [Fact]
    public async Task A_path_that_cannot_be_a_database_gives_a_message_naming_it()
    {
        var notADatabase = Path.Combine(_folder, "notes.db");
        await File.WriteAllTextAsync(notADatabase, "this is a text file, not SQLite, and it is long enough to have a header");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => new SqliteSessionStore(notADatabase).MigrateAsync());

        Assert.Contains(notADatabase, error.Message);
    }

    private static long Scalar(string path, string sql) => Convert.ToInt64(Query(path, sql));

    private static string Text(string path, string sql) => Convert.ToString(Query(path, sql))!;

    private static object? Query(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
