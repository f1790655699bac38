namespace SimCaller.Api.Tests.Infrastructure;

/// <summary>A fact that needs a PostgreSQL server: runs when SIMCALLER_TEST_POSTGRES holds a connection
/// string (.ci/run starts one), and is reported as skipped, not passed, otherwise.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "SIMCALLER_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString)) Skip = $"{Variable} is not set";
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
