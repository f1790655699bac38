using System.Text;
using SimCaller.Persona.Library;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Tests.Loading;

namespace SimCaller.Persona.Tests.Library;

public class PersonaLibraryTests
{
    private static readonly PersonaCheckOptions Rubric = new(new HashSet<string>(["empathy", "ownership", "boundaries"], StringComparer.Ordinal));

    [Fact]
    public void A_file_left_out_for_errors_is_still_listed_with_its_problems_beside_the_good_ones()
    {
        using var dir = new TempDir();
        dir.Write("a.yaml", PersonaLoaderTests.Minimal);
        dir.Write("b.yaml", PersonaLoaderTests.Minimal.Replace("test-caller", "broken-caller").Replace("starting_anger: 50", "starting_anger: 500"));
        using var catalog = new PersonaCatalog(dir.Path, watch: false);

        var files = new PersonaLibrary(catalog, Rubric).List();

        Assert.Equal(["test-caller", "broken-caller"], files.Select(f => f.Key));
        Assert.False(files[0].HasErrors);
        Assert.Equal("Test Caller", files[0].Persona?.Name);
        var broken = files[1];
        Assert.Null(broken.Persona);
        Assert.Null(broken.Offered);
        var error = Assert.Single(broken.Errors);
        Assert.Equal(("b.yaml", 8, "starting_anger"), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void Lint_uses_the_rubric_like_the_command_line()
    {
        using var dir = new TempDir();
        var path = dir.Write("a.yaml", PersonaLoaderTests.Minimal + "\nrubric:\n  disable: [boundary]\n");
        using var catalog = new PersonaCatalog(dir.Path, watch: false);

        var file = Assert.Single(new PersonaLibrary(catalog, Rubric).List());

        var cli = PersonaLoader.LoadFile(path, Rubric).Everything.Select(p => (p.Line, p.Field, p.Message, p.Severity));
        Assert.Equal(cli, file.Problems.Select(p => (p.Line, p.Field, p.Message, p.Severity)));
        Assert.Contains(file.Problems, p => p.Field == "rubric.disable[0]");
    }

    [Fact]
    public void A_good_save_replaces_the_file_under_its_name_and_the_catalog_shows_it_at_once()
    {
        using var dir = new TempDir();
        var path = dir.Write("a.yaml", PersonaLoaderTests.Minimal);
        using var catalog = new PersonaCatalog(dir.Path, watch: false);
        var library = new PersonaLibrary(catalog, Rubric);
        var opened = library.Find("test-caller")!;

        var result = library.Save("test-caller", opened.Text.Replace("Test Caller", "Renamed Caller"), opened.Version);

        Assert.Equal(PersonaSaveOutcome.Saved, result.Outcome);
        Assert.Contains("name: Renamed Caller", File.ReadAllText(path));
        Assert.Equal("Renamed Caller", catalog.Find("test-caller")?.Name);
        Assert.Equal(["a.yaml"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        Assert.Equal(PersonaLibrary.VersionOf(File.ReadAllBytes(path)), result.Current!.Version);
        Assert.NotEqual(opened.Version, result.Current.Version);
    }

    [Fact]
    public void A_save_with_an_error_writes_nothing_and_says_where_the_error_is()
    {
        using var dir = new TempDir();
        var path = dir.Write("a.yaml", PersonaLoaderTests.Minimal);
        var before = File.ReadAllBytes(path);
        using var catalog = new PersonaCatalog(dir.Path, watch: false);
        var library = new PersonaLibrary(catalog, Rubric);
        var opened = library.Find("test-caller")!;

        var result = library.Save("test-caller", opened.Text.Replace("empathy: -5", "empathyy: -5"), opened.Version);

        Assert.Equal(PersonaSaveOutcome.Invalid, result.Outcome);
        var problem = Assert.Single(result.Problems, p => !p.IsWarning);
        Assert.Equal((10, "weights.empathyy"), (problem.Line, problem.Field));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(opened.Version, result.Current!.Version);
    }

    [Fact]
    public void Warnings_do_not_stop_a_save_but_come_back_with_it()
    {
        using var dir = new TempDir();
        dir.Write("a.yaml", PersonaLoaderTests.Minimal);
        using var catalog = new PersonaCatalog(dir.Path, watch: false);
        var library = new PersonaLibrary(catalog, Rubric);
        var opened = library.Find("test-caller")!;
        // Calming weights on a move that angers people: it works, but probably not as meant.
        var text = opened.Text.Replace("empathy: -5", "empathy: -5\n  blame: -5");
        Assert.Contains(library.Check(opened, text), p => p.IsWarning && p.Field == "weights.blame");

        var result = library.Save("test-caller", text, opened.Version);

        Assert.Equal(PersonaSaveOutcome.Saved, result.Outcome);
        Assert.Contains(result.Problems, p => p.IsWarning && p.Field == "weights.blame");
        Assert.All(result.Problems, p => Assert.True(p.IsWarning));
    }

    [Fact]
    public void A_file_changed_since_the_editor_opened_it_is_not_overwritten()
    {
        using var dir = new TempDir();
        var path = dir.Write("a.yaml", PersonaLoaderTests.Minimal);
        using var catalog = new PersonaCatalog(dir.Path, watch: false);
        var library = new PersonaLibrary(catalog, Rubric);
        var opened = library.Find("test-caller")!;
        File.WriteAllText(path, PersonaLoaderTests.Minimal.Replace("Test Caller", "Someone Else's Edit"));

        var result = library.Save("test-caller", opened.Text.Replace("Test Caller", "Mine"), opened.Version);

        Assert.Equal(PersonaSaveOutcome.Conflict, result.Outcome);
        Assert.Contains("Someone Else's Edit", File.ReadAllText(path));
        Assert.Contains("Someone Else's Edit", result.Current!.Text);
    }

    [Fact]
    public void The_id_of_a_customer_cannot_change_in_the_editor()
    {
        using var dir = new TempDir();
        var path = dir.Write("a.yaml", PersonaLoaderTests.Minimal);
        dir.Write("b.yaml", PersonaLoaderTests.Minimal.Replace("test-caller", "other-caller"));
        using var catalog = new PersonaCatalog(dir.Path, watch: false);
        var library = new PersonaLibrary(catalog, Rubric);
        var opened = library.Find("test-caller")!;

        foreach (var id in new[] { "fresh-caller", "other-caller" })
        {
            var result = library.Save("test-caller", opened.Text.Replace("id: test-caller", $"id: {id}"), opened.Version);

            Assert.Equal(PersonaSaveOutcome.Invalid, result.Outcome);
            var problem = Assert.Single(result.Problems, p => !p.IsWarning);
            Assert.Equal((1, "id"), (problem.Line, problem.Field));
            Assert.Contains("the id cannot change", problem.Message);
        }
        Assert.Equal(PersonaLoaderTests.Minimal, File.ReadAllText(path));
    }

    [Fact]
    public void A_broken_file_without_an_id_of_its_own_may_not_take_one_that_another_file_has()
    {
        using var dir = new TempDir();
        dir.Write("a.yaml", PersonaLoaderTests.Minimal);
        var path = dir.Write("b.yaml", PersonaLoaderTests.Minimal.Replace("id: test-caller\n", ""));
        using var catalog = new PersonaCatalog(dir.Path, watch: false);
        var library = new PersonaLibrary(catalog, Rubric);
        var opened = library.Find("b")!;
        Assert.Null(opened.Id);
        Assert.Contains(opened.Errors, p => p.Field == "id");

        var taken = library.Save("b", "id: test-caller\n" + opened.Text, opened.Version);
        var fresh = library.Save("b", "id: b-caller\n" + opened.Text, opened.Version);

        Assert.Equal(PersonaSaveOutcome.Invalid, taken.Outcome);
        Assert.Contains(taken.Problems, p => p.Field == "id" && p.Message.Contains("already used by a.yaml"));
        Assert.Equal(PersonaSaveOutcome.Saved, fresh.Outcome);
        Assert.Equal("b-caller", fresh.Current!.Key);
        Assert.NotNull(catalog.Find("b-caller"));
        Assert.StartsWith("id: b-caller\n", File.ReadAllText(path));
    }

    [Fact]
    public void The_second_file_with_an_id_is_listed_as_a_duplicate_under_its_file_name()
    {
        using var dir = new TempDir();
        dir.Write("a.yaml", PersonaLoaderTests.Minimal);
        dir.Write("copy.yaml", PersonaLoaderTests.Minimal);
        using var catalog = new PersonaCatalog(dir.Path, watch: false);

        var files = new PersonaLibrary(catalog, Rubric).List();

        Assert.Equal(["test-caller", "copy"], files.Select(f => f.Key));
        Assert.False(files[1].OwnsId);
        Assert.Null(files[1].Persona);
        Assert.Contains(files[1].Errors, p => p.Field == "id" && p.Line == 1 && p.Message.Contains("already used by a.yaml"));
    }

    [Fact]
    public void Line_breaks_from_a_browser_follow_the_file_s_own()
    {
        using var dir = new TempDir();
        var unix = dir.Write("a.yaml", PersonaLoaderTests.Minimal + "\n");
        var windows = dir.Write("b.yaml", (PersonaLoaderTests.Minimal + "\n").Replace("test-caller", "crlf-caller").Replace("\n", "\r\n"));
        using var catalog = new PersonaCatalog(dir.Path, watch: false);
        var library = new PersonaLibrary(catalog, Rubric);

        foreach (var (key, path) in new[] { ("test-caller", unix), ("crlf-caller", windows) })
        {
            var opened = library.Find(key)!;
            var typed = opened.Text.Replace("\r\n", "\n").Replace("Test Caller", "Typed Caller").Replace("\n", "\r\n").TrimEnd();
            Assert.Equal(PersonaSaveOutcome.Saved, library.Save(key, typed, opened.Version).Outcome);
        }

        var unixText = File.ReadAllText(unix);
        Assert.DoesNotContain("\r", unixText);
        Assert.EndsWith("default_difficulty: standard\n", unixText);
        Assert.Equal(File.ReadAllText(windows).Split('\n').Length - 1, File.ReadAllText(windows).Split("\r\n").Length - 1);
        Assert.Contains("Typed Caller", unixText);
    }

    [Fact]
    public void A_file_that_starts_with_a_byte_order_mark_keeps_it()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "a.yaml");
        File.WriteAllBytes(path, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(PersonaLoaderTests.Minimal)]);
        using var catalog = new PersonaCatalog(dir.Path, watch: false);
        var library = new PersonaLibrary(catalog, Rubric);
        var opened = library.Find("test-caller")!;
        Assert.StartsWith("id:", opened.Text);

        Assert.Equal(PersonaSaveOutcome.Saved, library.Save("test-caller", opened.Text.Replace("Test Caller", "Bom Caller"), opened.Version).Outcome);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), File.ReadAllBytes(path).Take(3));
        Assert.Equal("Bom Caller", catalog.Find("test-caller")?.Name);
    }

    [Fact]
    public void An_unknown_key_is_missing_and_an_oversized_text_is_refused()
    {
        using var dir = new TempDir();
        dir.Write("a.yaml", PersonaLoaderTests.Minimal);
        using var catalog = new PersonaCatalog(dir.Path, watch: false);
        var library = new PersonaLibrary(catalog, Rubric);
        var opened = library.Find("TEST-CALLER")!;

        Assert.Null(library.Find("nobody"));
        Assert.Equal(PersonaSaveOutcome.Missing, library.Save("nobody", opened.Text, opened.Version).Outcome);
        var huge = library.Save("test-caller", opened.Text + "# " + new string('x', PersonaLibrary.MaxChars) + "\n", opened.Version);
        Assert.Equal(PersonaSaveOutcome.Invalid, huge.Outcome);
        Assert.Contains("at most 256 KB", Assert.Single(huge.Problems).Message);
        Assert.Equal(opened.Version, library.Find("test-caller")!.Version);
    }
}
