using SimCaller.Testing;

namespace SimCaller.Api.Tests.Infrastructure;

/// <summary>A fact that needs a PostgreSQL server (SIMCALLER_TEST_POSTGRES): the test calls
/// <see cref="ConnectionString"/>, which reports it skipped, with the reason, when there is none.</summary>
public sealed class PostgresFactAttribute : SkippableFactAttribute
{
    public static string ConnectionString => Requires.Postgres();
}
