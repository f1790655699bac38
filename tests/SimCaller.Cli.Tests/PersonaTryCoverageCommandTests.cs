using System.Text.Json;
using SimCaller.Persona.Loading;
using SimCaller.Practice.Authoring;

namespace SimCaller.Cli.Tests;

/// <summary>`personas try` and `personas coverage` as a trainer runs them.</summary>
public class PersonaTryCoverageCommandTests : IDisposable
{
    private readonly CliFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string PersonasDirectory = Path.Combine(RepositoryRoot(), "personas");

    public static TheoryData<string> Personas()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(PersonasDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    private static IReadOnlyList<PersonaLine> LinesOf(string id) =>
        PersonaLines.Of(Assert.Single(PersonaLoader.LoadFile(Path.Combine(PersonasDirectory, id + ".yaml")).Personas));

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task Try_prints_one_json_document_whose_line_is_the_persona_s_own_for_that_reaction(string id)
    {
        var run = await _folder.RunAsync("personas", "try", id, "I'm so sorry, that sounds really stressful.", "--anger", "70", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(id, json.GetProperty("persona").GetString());
        Assert.Equal(70, json.GetProperty("anger_before").GetInt32());
        var reaction = json.GetProperty("reaction").GetString();
        var matched = json.GetProperty("matched");
        var written = Assert.Single(LinesOf(id), l => l.Id == matched.GetProperty("id").GetString());
        Assert.Equal(written.Text, matched.GetProperty("text").GetString());
        Assert.Equal(reaction, written.Reaction);
        Assert.Equal(json.GetProperty("mood_after").GetString(), written.Mood.ToString()!.ToLowerInvariant());
        Assert.StartsWith(written.Text, json.GetProperty("line").GetString());
        Assert.Contains(json.GetProperty("techniques").EnumerateArray(), t => t.GetProperty("id").GetString() == reaction);
        var change = json.GetProperty("change");
        Assert.True(change.GetProperty("delta").GetInt32() < 0);
        Assert.Equal(json.GetProperty("anger_after").GetInt32() - 70, change.GetProperty("delta").GetInt32());
        Assert.Contains(change.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith(reaction + " -", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Try_names_the_fact_and_keyword_a_question_matched()
    {
        var json = await _folder.RunAsync("personas", "try", "worried-pensioner", "What's your postcode?", "--json");
        var text = await _folder.RunAsync("personas", "try", "worried-pensioner", "What's your postcode?");

        Assert.Equal(0, json.ExitCode);
        var matched = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("matched");
        Assert.Equal("fact", matched.GetProperty("kind").GetString());
        Assert.Equal("home address", matched.GetProperty("fact").GetString());
        Assert.Equal("postcode", matched.GetProperty("keyword").GetString());
        Assert.StartsWith("scenario.facts[2].answers[", matched.GetProperty("id").GetString());
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("fact 'home address' (keyword \"postcode\")", text.Stdout);
        Assert.Contains("KB3 9PL", text.Stdout);
    }

    [Fact]
    public async Task Try_shows_calming_and_inflaming_words_moving_anger_with_their_reasons()
    {
        var calming = await _folder.RunAsync("personas", "try", "stressed-traveler", "I'm so sorry, that sounds really stressful.", "--anger", "70");
        var inflaming = await _folder.RunAsync("personas", "try", "stressed-traveler", "Calm down, it's not a big deal.", "--anger", "50", "--difficulty", "hard", "--seed", "4");

        Assert.Equal(0, calming.ExitCode);
        var calmAnger = Assert.Single(SimCallerProcess.Lines(calming.Stdout), l => l.StartsWith("Anger:", StringComparison.Ordinal));
        Assert.Matches(@"^Anger:\s+70 -> \d+ \(-\d+\): .*empathy -\d+", calmAnger);
        Assert.Equal(0, inflaming.ExitCode);
        Assert.Contains("stressed-traveler (hard, seed 4)", inflaming.Stdout);
        var hotAnger = Assert.Single(SimCallerProcess.Lines(inflaming.Stdout), l => l.StartsWith("Anger:", StringComparison.Ordinal));
        Assert.Matches(@"^Anger:\s+50 -> \d+ \(\+\d+\): .*dismissive \+\d+", hotAnger);
        Assert.Contains(SimCallerProcess.Lines(inflaming.Stdout), l => l.StartsWith("Because:", StringComparison.Ordinal) && l.Contains("lines.reactions.dismissive.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nobody", "Hello", null, "Unknown persona 'nobody'")]
    [InlineData("worried-pensioner", "Hello", "--difficulty=medium", "Known levels: easy, standard, hard")]
    [InlineData("worried-pensioner", "Hello", "--anger=101", "between 0 and 100")]
    [InlineData("worried-pensioner", "Hello", "--anger=-5", "between 0 and 100")]
    [InlineData("worried-pensioner", "Hello", "--anger=lots", "--anger must be a whole number")]
    [InlineData("worried-pensioner", "  ", null, "Give the trainee's words")]
    public async Task Try_refuses_bad_input_with_exit_2_and_a_message(string id, string text, string? option, string message)
    {
        var args = new List<string> { "personas", "try", id, text, "--json" };
        if (option is not null)
        {
            args.Add(option);
        }

        var run = await _folder.RunAsync([.. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Try_and_coverage_take_the_persona_s_own_difficulty_names()
    {
        var personas = Directory.CreateDirectory(Path.Combine(_folder.Path, "renamed")).FullName;
        var text = (await File.ReadAllTextAsync(Path.Combine(PersonasDirectory, "worried-pensioner.yaml")))
            .Replace("\n  easy:\n", "\n  gentle:\n").Replace("\n  standard:\n", "\n  medium:\n").Replace("\n  hard:\n", "\n  tough:\n")
            .Replace("default_difficulty: standard", "default_difficulty: medium");
        await File.WriteAllTextAsync(Path.Combine(personas, "worried-pensioner.yaml"), text);

        var tried = await _folder.RunAsync("personas", "try", "worried-pensioner", "Hello", "--difficulty", "Tough", "--json", "--personas", personas);
        var byDefault = await _folder.RunAsync("personas", "try", "worried-pensioner", "Hello", "--json", "--personas", personas);
        var covered = await _folder.RunAsync("personas", "coverage", "worried-pensioner", "--difficulty", "gentle", "--calls", "1", "--json", "--personas", personas);
        var oldName = await _folder.RunAsync("personas", "coverage", "worried-pensioner", "--difficulty", "standard", "--personas", personas);

        Assert.Equal(0, tried.ExitCode);
        Assert.Equal("tough", JsonDocument.Parse(tried.Stdout).RootElement.GetProperty("difficulty").GetString());
        Assert.Equal(60, JsonDocument.Parse(tried.Stdout).RootElement.GetProperty("anger_before").GetInt32());
        Assert.Equal("medium", JsonDocument.Parse(byDefault.Stdout).RootElement.GetProperty("difficulty").GetString());
        Assert.Equal(0, covered.ExitCode);
        Assert.Equal("gentle", JsonDocument.Parse(covered.Stdout).RootElement.GetProperty("difficulty").GetString());
        Assert.Equal(2, oldName.ExitCode);
        Assert.Contains("gentle, medium, tough", oldName.Stderr);
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task Coverage_plays_every_shipped_persona_and_reports_in_json(string id)
    {
        var run = await _folder.RunAsync("personas", "coverage", id, "--calls", "2", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(id, json.GetProperty("persona").GetString());
        var styles = json.GetProperty("styles").EnumerateArray().ToArray();
        Assert.Equal(TraineeStyles.All.Count, styles.Length);
        Assert.All(styles, s => Assert.Equal(2, s.GetProperty("outcomes").EnumerateObject().Sum(o => o.Value.GetInt32())));
        var total = json.GetProperty("lines").GetProperty("total").GetInt32();
        var fired = json.GetProperty("lines").GetProperty("fired").GetInt32();
        var neverFired = json.GetProperty("never_fired").EnumerateArray().ToArray();
        Assert.Equal(LinesOf(id).Count, total);
        Assert.Equal(total - fired, neverFired.Length);
        Assert.All(neverFired, l => Assert.Contains(LinesOf(id), w => w.Id == l.GetProperty("id").GetString() && w.Text == l.GetProperty("text").GetString()));
        Assert.Equal(JsonValueKind.Array, json.GetProperty("too_few").ValueKind);
        Assert.Contains("fewer than", json.GetProperty("too_few_means").GetString());
    }

    [Fact]
    public async Task Coverage_lists_a_line_that_cannot_fire_on_the_terminal()
    {
        var personas = Directory.CreateDirectory(Path.Combine(_folder.Path, "planted")).FullName;
        var text = (await File.ReadAllTextAsync(Path.Combine(PersonasDirectory, "worried-pensioner.yaml")))
            .Replace("        - \"Thank you. I haven't slept properly since it came.\"",
                "        - \"Thank you. I haven't slept properly since it came.\"\n        - \"[zebra crossing] A zebra crossing? Whatever for?\"");
        await File.WriteAllTextAsync(Path.Combine(personas, "worried-pensioner.yaml"), text);

        var run = await _folder.RunAsync("personas", "coverage", "worried-pensioner", "--calls", "2", "--personas", personas);

        Assert.Equal(0, run.ExitCode);
        var lines = SimCallerProcess.Lines(run.Stdout).ToArray();
        Assert.Contains(lines, l => l.StartsWith("worried-pensioner (standard): 16 calls, 2 per style", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Lines fired: ", StringComparison.Ordinal));
        var zebra = Array.FindIndex(lines, l => l.Contains("A zebra crossing? Whatever for?", StringComparison.Ordinal));
        Assert.True(zebra > Array.FindIndex(lines, l => l.StartsWith("Never fired", StringComparison.Ordinal)));
        Assert.Contains("lines.reactions.empathy.annoyed[", lines[zebra]);
        Assert.Contains(lines, l => l.StartsWith("Too few means ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Coverage_refuses_an_unknown_persona_or_no_calls_with_exit_2()
    {
        var unknown = await _folder.RunAsync("personas", "coverage", "nobody", "--json");
        var none = await _folder.RunAsync("personas", "coverage", "worried-pensioner", "--calls", "0", "--json");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unknown persona 'nobody'", unknown.Stderr);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("between 1 and", none.Stderr);
        Assert.Equal("", none.Stdout);
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
