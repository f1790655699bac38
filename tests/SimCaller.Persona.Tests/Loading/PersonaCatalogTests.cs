using SimCaller.Persona.Loading;

namespace SimCaller.Persona.Tests.Loading;

public class PersonaCatalogTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public void The_catalog_offers_the_shipped_personas_by_id()
    {
        using var catalog = new PersonaCatalog(RepoPaths.Personas, watch: false);

        Assert.Empty(catalog.Problems);
        Assert.Equal(["abusive-caller", "off-topic-ranter", "stressed-traveler", "worried-pensioner"], catalog.Ids);
        Assert.Equal("Dana Whitfield", catalog.Find("Stressed-Traveler")?.Name);
        Assert.Null(catalog.Find("nobody"));
    }

    [Fact]
    public void An_edited_file_is_picked_up_without_a_restart()
    {
        using var dir = new TempDir();
        var file = dir.Write("test.yaml", PersonaLoaderTests.Minimal);
        using var changed = new SemaphoreSlim(0);
        using var catalog = new PersonaCatalog(dir.Path, debounce: TimeSpan.FromMilliseconds(50));
        catalog.Changed += (_, _) => changed.Release();

        File.WriteAllText(file, PersonaLoaderTests.Minimal.Replace("Test Caller", "Renamed Caller"));

        Assert.True(WaitUntil(changed, () => catalog.Find("test-caller")?.Name == "Renamed Caller"), "catalog never saw the edit");
    }

    [Fact]
    public void A_bad_edit_keeps_the_last_good_version_and_reports_the_problem()
    {
        using var dir = new TempDir();
        var file = dir.Write("test.yaml", PersonaLoaderTests.Minimal);
        using var changed = new SemaphoreSlim(0);
        using var catalog = new PersonaCatalog(dir.Path, debounce: TimeSpan.FromMilliseconds(50));
        catalog.Changed += (_, _) => changed.Release();

        File.WriteAllText(file, PersonaLoaderTests.Minimal.Replace("starting_anger: 50", "starting_anger: 500"));

        Assert.True(WaitUntil(changed, () => catalog.Problems.Any(p => p.Field == "starting_anger")), "catalog never saw the bad edit");
        Assert.Equal("Test Caller", catalog.Find("test-caller")?.Name);
    }

    [Fact]
    public void A_new_file_appears_and_a_deleted_one_goes()
    {
        using var dir = new TempDir();
        var first = dir.Write("a.yaml", PersonaLoaderTests.Minimal);
        using var changed = new SemaphoreSlim(0);
        using var catalog = new PersonaCatalog(dir.Path, debounce: TimeSpan.FromMilliseconds(50));
        catalog.Changed += (_, _) => changed.Release();

        dir.Write("b.yaml", PersonaLoaderTests.Minimal.Replace("test-caller", "second-caller"));
        File.Delete(first);

        Assert.True(WaitUntil(changed, () => catalog.Ids.SequenceEqual(["second-caller"])), string.Join(",", catalog.Ids));
    }

    [Fact]
    public void A_missing_folder_is_reported_not_thrown()
    {
        using var catalog = new PersonaCatalog("/nonexistent/personas");

        Assert.Empty(catalog.All);
        Assert.Equal("persona directory not found", Assert.Single(catalog.Problems).Message);
    }

    /// <summary>Waits for change notifications until the condition holds, giving up after a bounded time.</summary>
    private static bool WaitUntil(SemaphoreSlim changed, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }
            changed.Wait(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
        return true;
    }
}
