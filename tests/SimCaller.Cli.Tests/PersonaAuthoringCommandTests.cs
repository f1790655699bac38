using System.Text.Json;

namespace SimCaller.Cli.Tests;

/// <summary>
/// What a trainer writing a new customer uses: `personas new`, `personas lint [--strict]` against the
/// rubric in use, and difficulty levels named as the trainer likes.
/// </summary>
public class PersonaAuthoringCommandTests : IDisposable
{
    private readonly CliFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Shipped(string id) => File.ReadAllText(Path.Combine(RepositoryRoot(), "personas", id + ".yaml"));

    [Fact]
    public async Task Warnings_print_but_pass_and_strict_makes_them_fail()
    {
        var file = _folder.File("kind.yaml", Shipped("worried-pensioner").Replace("  gratitude: -3", "  gratitude: 3"));

        var lenient = await _folder.RunAsync("personas", "lint", file);
        var strict = await _folder.RunAsync("personas", "lint", "--strict", file);

        Assert.Equal(0, lenient.ExitCode);
        var warning = Assert.Single(SimCallerProcess.Lines(lenient.Stdout), l => l.Contains("weights.gratitude", StringComparison.Ordinal));
        var line = Array.FindIndex(File.ReadAllLines(file), l => l.Contains("gratitude: 3", StringComparison.Ordinal)) + 1;
        Assert.StartsWith($"{file}:{line}: warning: weights.gratitude:", warning);
        Assert.Contains("1 persona OK", lenient.Stdout);
        Assert.Contains("1 warning", lenient.Stderr);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("weights.gratitude", strict.Stdout);
        Assert.DoesNotContain("OK", strict.Stdout);
    }

    [Fact]
    public async Task Rubric_toggles_are_checked_against_the_rubric_in_use()
    {
        var file = _folder.File("toggles.yaml", Shipped("worried-pensioner").Replace("disable: [boundaries]", "disable: [boundary]"));
        var rubricText = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "rubrics", "default.yaml"));
        var ownRubric = _folder.File("own-rubric.yaml", rubricText.Replace("id: boundaries", "id: boundary"));

        var withDefault = await _folder.RunAsync("personas", "lint", file);
        var withOwn = await _folder.RunAsync("personas", "lint", "--strict", "--rubric", ownRubric, file);

        Assert.Equal(1, withDefault.ExitCode);
        var problem = Assert.Single(SimCallerProcess.Lines(withDefault.Stdout), l => l.Contains("rubric.disable[0]", StringComparison.Ordinal));
        Assert.Contains("did you mean 'boundaries'?", problem);
        Assert.Equal(0, withOwn.ExitCode);
    }

    [Fact]
    public async Task New_writes_a_template_that_lint_turns_into_a_list_of_what_is_left_to_fill()
    {
        var target = Path.Combine(_folder.Path, "water-bill.yaml");

        var made = await _folder.RunAsync("personas", "new", "water-bill", "--out", target);
        var lint = await _folder.RunAsync("personas", "lint", target);

        Assert.Equal(0, made.ExitCode);
        Assert.Equal(target, made.Stdout.Trim());
        Assert.Contains("id: water-bill", await File.ReadAllTextAsync(target));
        Assert.Equal(1, lint.ExitCode);
        var reported = SimCallerProcess.Lines(lint.Stdout).ToArray();
        foreach (var field in new[] { ": name:", ": opening_lines:", ": needs.core:", ": needs.core_keywords:", ": scenario.facts[0].keywords:", ": warning: lines.reactions.empathy:" })
        {
            Assert.Contains(reported, l => l.Contains(field, StringComparison.Ordinal));
        }
        // Nothing but what is left to fill: no complaint about the defaults the template spells out.
        Assert.DoesNotContain(reported, l => l.Contains("weights.", StringComparison.Ordinal) || l.Contains("difficulties.", StringComparison.Ordinal)
            || l.Contains("anger_floor", StringComparison.Ordinal) || l.Contains("YAML", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_goes_to_the_personas_folder_and_never_overwrites()
    {
        var personas = Directory.CreateDirectory(Path.Combine(_folder.Path, "my-personas")).FullName;
        var existing = Path.Combine(personas, "water-bill.yaml");
        await File.WriteAllTextAsync(existing, "id: water-bill # mine\n");

        var fresh = await _folder.RunAsync("personas", "new", "meter-reader", "--personas", personas);
        var clash = await _folder.RunAsync("personas", "new", "water-bill", "--personas", personas);
        var badId = await _folder.RunAsync("personas", "new", "Water Bill", "--personas", personas);

        Assert.Equal(0, fresh.ExitCode);
        Assert.True(File.Exists(Path.Combine(personas, "meter-reader.yaml")));
        Assert.Equal(2, clash.ExitCode);
        Assert.Contains("already exists", clash.Stderr);
        Assert.Equal("id: water-bill # mine\n", await File.ReadAllTextAsync(existing));
        Assert.Equal(2, badId.ExitCode);
        Assert.Contains("lowercase letters, digits and hyphens", badId.Stderr);
    }

    [Fact]
    public async Task A_yaml_tab_is_reported_at_its_own_line()
    {
        var lines = Shipped("worried-pensioner").Split('\n');
        var at = Array.FindIndex(lines, l => l.Contains("resolved_below", StringComparison.Ordinal));
        lines[at] = "\t" + lines[at].TrimStart();
        var file = _folder.File("tabbed.yaml", string.Join('\n', lines));

        var run = await _folder.RunAsync("personas", "lint", file);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"{file}:{at + 1}: YAML syntax error: a tab", run.Stdout.Trim());
    }

    [Fact]
    public async Task Difficulty_levels_take_the_trainer_s_own_names_in_every_command()
    {
        var personas = Directory.CreateDirectory(Path.Combine(_folder.Path, "renamed")).FullName;
        var text = Shipped("worried-pensioner")
            .Replace("\n  easy:\n", "\n  gentle:\n").Replace("\n  standard:\n", "\n  medium:\n").Replace("\n  hard:\n", "\n  tough:\n")
            .Replace("default_difficulty: standard", "default_difficulty: medium");
        await File.WriteAllTextAsync(Path.Combine(personas, "worried-pensioner.yaml"), text);
        var script = _folder.File("call.txt", "Hello Mrs Hale, take your time.\n");

        var lint = await _folder.RunAsync("personas", "lint", "--strict", "--personas", personas);
        var practice = await _folder.RunAsync("practice", "--persona", "worried-pensioner", "--difficulty", "tough", "--seed", "4",
            "--script", script, "--json", "--personas", personas, "--db", _folder.Database);
        var byDefault = await _folder.RunAsync("practice", "--persona", "worried-pensioner", "--seed", "4",
            "--script", script, "--json", "--personas", personas, "--db", _folder.Database);
        var code = await _folder.RunAsync("codes", "create", "--persona", "worried-pensioner", "--difficulty", "gentle", "--personas", personas, "--db", _folder.Database);
        var graph = await _folder.RunAsync("personas", "graph", "worried-pensioner", "--difficulty", "Gentle", "--personas", personas);
        var oldName = await _folder.RunAsync("practice", "--persona", "worried-pensioner", "--difficulty", "standard",
            "--script", script, "--personas", personas, "--db", _folder.Database);

        Assert.Equal(0, lint.ExitCode);
        Assert.Equal(0, practice.ExitCode);
        Assert.Equal("tough", JsonDocument.Parse(practice.Stdout).RootElement.GetProperty("difficulty").GetString());
        Assert.Equal("medium", JsonDocument.Parse(byDefault.Stdout).RootElement.GetProperty("difficulty").GetString());
        Assert.Equal(0, code.ExitCode);
        Assert.Contains("gentle", code.Stderr);
        Assert.Equal(0, graph.ExitCode);
        Assert.Equal(2, oldName.ExitCode);
        Assert.Contains("gentle, medium, tough", oldName.Stderr);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SimCaller.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("The repository root (SimCaller.sln) is not above the test folder.");
    }
}
