using SimCaller.Testing;
using Xunit.Sdk;

namespace SimCaller.Practice.Tests;

/// <summary>A test that cannot run says so: skipped with the reason, or failed where everything was set up.</summary>
public sealed class RequiresTests
{
    [Fact]
    public void A_missing_requirement_skips_with_its_reason()
    {
        var skip = Assert.Throws<Xunit.SkipException>(() => Requires.Need(false, "/usr/bin/nothing is missing", allRequired: false));

        Assert.Contains("/usr/bin/nothing is missing", skip.Message);
    }

    [Fact]
    public void Under_the_full_test_command_a_missing_requirement_fails()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => Requires.Need(false, "/usr/bin/nothing is missing", allRequired: true));

        Assert.Contains("/usr/bin/nothing is missing", failure.Message);
        Assert.Contains(Requires.RequireAllVariable, failure.Message);
    }

    [Fact]
    public void A_present_requirement_lets_the_test_run()
    {
        Requires.Need(true, "unused", allRequired: true);
        Assert.Equal("/bin/sh", Requires.Program("/bin/sh", "dash"));
    }
}
