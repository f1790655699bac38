namespace SimCaller.Testing;

/// <summary>
/// What a test needs from the machine. Missing, the test is reported skipped with the reason and
/// the fix; under the README's test command (SIMCALLER_TESTS_REQUIRE_ALL=1, set by ./test.sh after
/// it has installed and started everything) a skip would hide a broken set-up, so it fails instead.
/// </summary>
public static class Requires
{
    public const string RequireAllVariable = "SIMCALLER_TESTS_REQUIRE_ALL";
    public const string PostgresVariable = "SIMCALLER_TEST_POSTGRES";

    public static bool AllRequired =>
        Environment.GetEnvironmentVariable(RequireAllVariable) is "1" or "true";

    /// <summary>The PostgreSQL server connection string from SIMCALLER_TEST_POSTGRES.</summary>
    public static string Postgres()
    {
        var value = Environment.GetEnvironmentVariable(PostgresVariable);
        Need(!string.IsNullOrWhiteSpace(value),
            $"{PostgresVariable} is not set: start a PostgreSQL server and set it to its connection string (./test.sh does both)");
        return value!;
    }

    /// <summary>An executable the test runs, such as /usr/bin/chromium.</summary>
    public static string Program(string path, string debianPackage)
    {
        Need(File.Exists(path), $"{path} is missing: apt-get install {debianPackage} (./test.sh does this)");
        return path;
    }

    private static void Need(bool present, string reason) => Need(present, reason, AllRequired);

    /// <summary>Skips the test (or fails it when <paramref name="allRequired"/>) unless <paramref name="present"/>.</summary>
    public static void Need(bool present, string reason, bool allRequired)
    {
        if (present)
        {
            return;
        }
        if (allRequired)
        {
            Assert.Fail($"{reason}. {RequireAllVariable} is set, so a test that cannot run fails rather than skips.");
        }
        Skip.If(true, reason);
    }
}
