using System.Text.Json;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using SimCaller.Practice.Authoring;

namespace SimCaller.Practice.Tests;

/// <summary>`personas coverage` in the domain: seeded calls in every trainee style, then what never fired and what ran short.</summary>
public sealed class PersonaCoverageTests : IDisposable
{
    private readonly PracticeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private PersonaCoverage Coverage => _harness.Get<PersonaCoverage>();

    private static readonly string PensionerYaml = File.ReadAllText(Path.Combine(PersonaLocator.ResolveDirectory(null), "worried-pensioner.yaml"));

    public static TheoryData<string> Personas()
    {
        var data = new TheoryData<string>();
        foreach (var id in new PersonaCatalog(PersonaLocator.ResolveDirectory(null), watch: false).Ids)
        {
            data.Add(id);
        }
        return data;
    }

    private static PersonaDefinition Parse(string yaml)
    {
        var loaded = PersonaLoader.ParseText(yaml, "test.yaml");
        Assert.False(loaded.HasProblems, string.Join("\n", loaded.Problems.Select(p => p.ToString())));
        return Assert.Single(loaded.Personas);
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task Every_shipped_persona_is_played_in_every_style_and_its_lines_accounted_for(string id)
    {
        var persona = _harness.Get<PersonaCatalog>().Find(id)!;
        var lines = PersonaLines.Of(persona);

        var report = await Coverage.RunAsync(persona, callsPerStyle: 2);

        Assert.Equal(TraineeStyles.All.Select(s => s.Id), report.Styles.Select(s => s.Id));
        Assert.All(report.Styles, s => Assert.Equal(2, s.Outcomes.Values.Sum()));
        Assert.Equal(lines.Count, report.LinesTotal);
        Assert.Equal(report.LinesTotal - report.NeverFired.Count, report.LinesFired);
        Assert.True(report.LinesFired > 20, $"{id}: only {report.LinesFired} lines fired");
        Assert.Subset(lines.Select(l => l.Id).ToHashSet(), report.NeverFired.Select(l => l.Id).ToHashSet());
        Assert.All(report.NeverFired, l => Assert.False(string.IsNullOrWhiteSpace(l.Why)));
        // What the customer said is counted under the same ids: the opening of seed 1 and some reminder fired.
        var unfired = report.NeverFired.Select(l => l.Id).ToHashSet();
        var opening = (await _harness.Get<PersonaTryout>().TryAsync(persona, "Hello.")).Opening;
        Assert.DoesNotContain(lines.Single(l => l.Kind == LineKinds.Opening && l.Text == opening.Trim()).Id, unfired);
        Assert.Contains(lines, l => l.Kind == LineKinds.Reminder && !unfired.Contains(l.Id));
        // A patient trainee who meets the need resolves every shipped customer: the styles are general, not tuned.
        Assert.Contains("resolved", report.Styles.Single(s => s.Id == "empathetic").Outcomes.Keys);
        Assert.Contains("hung_up", report.Styles.Single(s => s.Id == "dismissive").Outcomes.Keys);
    }

    [Fact]
    public async Task A_line_that_cannot_fire_is_listed_as_never_fired_with_the_reason()
    {
        var persona = Parse(PensionerYaml.Replace(
            "        - \"Thank you. I haven't slept properly since it came.\"",
            "        - \"Thank you. I haven't slept properly since it came.\"\n        - \"[zebra crossing] A zebra crossing? Whatever for?\""));

        var report = await Coverage.RunAsync(persona, callsPerStyle: 2);

        var zebra = Assert.Single(report.NeverFired, l => l.Text == "A zebra crossing? Whatever for?");
        Assert.Equal(LineKinds.Cue, zebra.Kind);
        Assert.StartsWith("lines.reactions.empathy.annoyed[", zebra.Id);
        Assert.True(zebra.Why.Contains("\"zebra crossing\"", StringComparison.Ordinal) || zebra.Why.Contains("no call needed", StringComparison.Ordinal), zebra.Why);
        // She is not abusive, so the calls never let the trainee end the call on her: those lines cannot fire either.
        Assert.Contains(report.NeverFired, l => l.Id.StartsWith("lines.reactions.ended_by_agent.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reaction_needed_more_often_than_it_has_lines_is_reported_as_too_few()
    {
        // Leave neutral.frustrated one line: stalling at her starting mood needs it again and again.
        var persona = Parse(PensionerYaml.Replace(
            "        - \"I don't understand, dear.\"\n        - \"But what about the money?\"\n        - \"I'm getting muddled. What happens now?\"\n",
            "        - \"I don't understand, dear.\"\n"));

        var report = await Coverage.RunAsync(persona, callsPerStyle: 2);

        var thin = Assert.Single(report.TooFew, t => t.Reaction == "neutral" && t.Mood == MoodState.Frustrated);
        Assert.Equal(1, thin.Lines);
        Assert.True(thin.Needed >= thin.MostInOneCall && thin.MostInOneCall > 1);
        Assert.Contains("fewer than 2 lines", report.TooFewMeans);
        Assert.DoesNotContain(report.TooFew, t => !ReactionKeys.IsKnown(t.Reaction));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_report_and_another_seed_plays_other_calls()
    {
        var persona = _harness.Get<PersonaCatalog>().Find("stressed-traveler")!;

        var first = JsonSerializer.Serialize(await Coverage.RunAsync(persona, "hard", callsPerStyle: 2, seed: 7));
        var again = JsonSerializer.Serialize(await Coverage.RunAsync(persona, "hard", callsPerStyle: 2, seed: 7));
        var other = JsonSerializer.Serialize(await Coverage.RunAsync(persona, "hard", callsPerStyle: 2, seed: 70));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task A_number_of_calls_outside_the_range_or_an_unknown_level_is_refused()
    {
        var persona = _harness.Get<PersonaCatalog>().Find("stressed-traveler")!;

        await Assert.ThrowsAsync<AuthoringInputException>(() => Coverage.RunAsync(persona, callsPerStyle: 0));
        await Assert.ThrowsAsync<AuthoringInputException>(() => Coverage.RunAsync(persona, callsPerStyle: PersonaCoverage.MaxCallsPerStyle + 1));
        await Assert.ThrowsAsync<UnknownDifficultyException>(() => Coverage.RunAsync(persona, "medium", callsPerStyle: 1));
    }
}
