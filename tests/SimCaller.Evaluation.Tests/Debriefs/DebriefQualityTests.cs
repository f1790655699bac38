using System.Text.RegularExpressions;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Core.Text;
using SimCaller.Evaluation.Debriefs;
using SimCaller.Evaluation.Rendering;
using SimCaller.Evaluation.Rubrics;
using SimCaller.Evaluation.Tests.Support;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using Xunit.Abstractions;

namespace SimCaller.Evaluation.Tests.Debriefs;

/// <summary>
/// The debrief's coaching must be about this call: its own customer's world, distinct evidence,
/// suggestions spread over the turns that deserve them.
/// </summary>
public sealed partial class DebriefQualityTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"^At turn \d+ \((?:you|the customer) said "".*?""\): ")]
    private static partial Regex QuotedTurn();

    private static readonly DebriefBuilder Builder = new(RubricLoader.LoadEmbedded());

    private static readonly Lazy<IReadOnlyList<PersonaDefinition>> AllPersonas = new(() =>
    {
        var loaded = PersonaLoader.LoadDirectory(Path.Combine(RepositoryRoot(), "personas"));
        Assert.False(loaded.HasProblems, string.Join("\n", loaded.Problems));
        Assert.Equal(4, loaded.Personas.Count);
        return [.. loaded.Personas, Synthetic()];
    });

    public static TheoryData<string> PersonaIds => new() { "stressed-traveler", "abusive-caller", "off-topic-ranter", "worried-pensioner", "vet-owner" };

    // A customer from a world none of the shipped personas touch.
    private static PersonaDefinition Synthetic() => new()
    {
        Id = "vet-owner",
        Name = "Amara Osei",
        Summary = "Her cat was given the wrong vaccine dose and the clinic won't call back.",
        Scenario = new Scenario
        {
            Company = "Riverside Veterinary Clinic",
            Product = "Annual pet care plan",
            Problem = "Amara's cat Miso was given the wrong vaccine dose at her last visit, and the clinic has not returned her calls for a week. She is worried sick.",
            Keywords = ["cat", "miso", "vaccine", "dose", "vet", "clinic", "check-up", "pet care plan"],
            Facts = [new Fact { Topic = "pet's name", Keywords = ["pet", "name"], Value = "Miso" }],
        },
        Needs = new Needs
        {
            Core = "A call back today from the vet who treated Miso, with a written explanation of the mistake.",
            CoreKeywords = ["call back today", "the vet will call", "written explanation"],
            Partial = "A free check-up for Miso booked this week.",
            PartialKeywords = ["free check-up", "check-up this week"],
        },
        OpeningLines = ["My cat was given the wrong vaccine and nobody at your clinic will call me back."],
    };

    // Lines that belong to no world: the customer's problem only enters through the persona's own opening.
    private static IEnumerable<string[]> Scripts()
    {
        yield return
        [
            "T: I understand your frustration.", "C: Do you?",
            "T: Calm down, it's not a big deal.", "C: Not a big deal?",
            "T: That's not our fault, you should have checked.", "C: Unbelievable.",
            "T: There's nothing I can do.", "C: Then who can?",
            "T: Like I said, I already told you that.", "C: You're hopeless.",
            "T: Get to the point.", "C: I'm done.",
        ];
        yield return
        [
            "T: Hello, thanks for calling.", "C: Finally.",
            "T: Can I take your details?", "C: Fine.",
            "T: Let me have a look at that.", "C: Hurry, please.",
            "T: One moment.", "C: Still waiting.",
        ];
        yield return
        [
            "T: I understand your frustration.", "C: Everyone says that.",
            "T: I understand your frustration.", "C: Stop saying that.",
            "T: I understand your frustration.", "C: Are you a robot?",
            "T: I understand your frustration.", "C: Unbelievable.",
            "T: I understand your frustration.", "C: I'm done.",
        ];
        yield return
        [
            "T: That sounds really stressful, I'm so sorry this happened to you.", "C: Thank you.",
            "T: Can you tell me a bit more about what happened?", "C: Well, yes.",
            "T: I'll take care of this myself and sort it out for you right now.", "C: Good.",
            "T: You'll get a confirmation within the hour.", "C: Alright.",
            "T: Does that work for you?", "C: Yes, thanks.",
        ];
        yield return ["T: ", "C: Hello? Is anyone there?"];
    }

    private static IEnumerable<CallTranscript> Calls(PersonaDefinition persona)
    {
        var opening = $"C: {persona.OpeningLines[0]}";
        foreach (var script in Scripts())
        {
            foreach (var outcome in new[] { CallOutcome.HungUp, CallOutcome.Resolved, CallOutcome.EndedByAgent, CallOutcome.Escalated })
            {
                yield return CallScript.Build(persona.Id, outcome, persona.StartingAnger, [opening, .. script],
                    enabledCriteria: [CriterionIds.Boundaries, CriterionIds.StayingOnTrack], keywords: persona.Scenario.Keywords,
                    scenario: persona.ToCallScenario(), personaName: persona.Name);
            }
        }
        // No trainee reply at all: the suggestions can only point at the customer.
        yield return CallScript.Build(persona.Id, CallOutcome.Abandoned, persona.StartingAnger, [opening],
            keywords: persona.Scenario.Keywords, scenario: persona.ToCallScenario(), personaName: persona.Name);
    }

    [Theory]
    [MemberData(nameof(PersonaIds))]
    public void Suggestions_never_borrow_another_customers_world(string personaId)
    {
        var persona = AllPersonas.Value.Single(p => p.Id == personaId);
        var foreign = Foreign(persona);
        Assert.Contains("wedding", AllPersonas.Value.SelectMany(Vocabulary));

        var written = 0;
        foreach (var call in Calls(persona))
        {
            var debrief = Builder.Build(call);
            Assert.NotEmpty(debrief.Suggestions);
            foreach (var s in debrief.Suggestions)
            {
                written++;
                // The quoted line is the call's own and a trainer's own example is theirs to word;
                // the coaching around them is what must stay in this world.
                var phrasing = OwnCoaching(persona).Contains(s.BetterPhrasing) ? "" : s.BetterPhrasing;
                var text = TextNormalizer.Normalize(QuotedTurn().Replace(s.Advice, "") + " " + phrasing);
                var borrowed = foreign.Where(w => Regex.IsMatch(text, $@"\b{Regex.Escape(w)}\b")).ToArray();
                Assert.True(borrowed.Length == 0,
                    $"{personaId}: suggestion borrows another customer's world ({string.Join(", ", borrowed)}):\n{s.Advice}\nTry: {s.BetterPhrasing}");
            }
        }
        Assert.True(written >= 40, $"only {written} suggestions were checked");
    }

    [Theory]
    [MemberData(nameof(PersonaIds))]
    public void No_coaching_line_for_any_technique_borrows_another_customers_world(string personaId)
    {
        var persona = AllPersonas.Value.Single(p => p.Id == personaId);
        var foreign = Foreign(persona);
        var coach = new BetterPhrasings(new ScenarioWording(persona.ToCallScenario(), persona.Name));
        var lines = TechniqueIds.All.SelectMany(t => new[]
        {
            coach.ForHarm(t, "I understand your frustration").Advice, coach.ForHarm(t).Example,
            coach.ForMissing(t).Advice, coach.ForMissing(t).Example, coach.Polish(t),
        }).Append(coach.StepForward()).Distinct().Except(OwnCoaching(persona)).ToArray();
        foreach (var line in lines)
        {
            output.WriteLine(line);
            var borrowed = foreign.Where(w => Regex.IsMatch(TextNormalizer.Normalize(line), $@"\b{Regex.Escape(w)}\b")).ToArray();
            Assert.True(borrowed.Length == 0, $"{personaId}: borrows {string.Join(", ", borrowed)}: {line}");
        }
    }

    [Theory]
    [MemberData(nameof(PersonaIds))]
    public void Example_lines_speak_about_this_customers_own_problem(string personaId)
    {
        var persona = AllPersonas.Value.Single(p => p.Id == personaId);
        var call = Calls(persona).First();
        var debrief = Builder.Build(call);
        var examples = string.Join("\n", debrief.Suggestions.Select(s => s.BetterPhrasing));
        output.WriteLine(examples);
        // The persona's problem, told to the customer in the second person.
        var problemWords = Regex.Matches(TextNormalizer.Normalize(persona.Scenario.Problem.Split(". ")[0]), @"\b[a-z]{5,}\b")
            .Select(m => m.Value).ToArray();
        Assert.Contains(problemWords, w => TextNormalizer.Normalize(examples).Contains(w, StringComparison.Ordinal));
        Assert.DoesNotContain(persona.Name.Split(' ')[0], examples);
    }

    [Fact]
    public void Without_a_scenario_the_examples_stay_general()
    {
        var call = CallScript.Build("unknown", CallOutcome.HungUp, 60, ["C: This is ridiculous.", .. Scripts().First()]);
        var text = TextNormalizer.Normalize(string.Join(" ", Builder.Build(call).Suggestions.Select(s => QuotedTurn().Replace(s.Advice, "") + " " + s.BetterPhrasing)));
        var anyWorld = AllPersonas.Value.SelectMany(Vocabulary).Select(TextNormalizer.Normalize).Where(w => w.Length > 0).Distinct();
        var borrowed = anyWorld.Where(w => Regex.IsMatch(text, $@"\b{Regex.Escape(w)}\b")).ToArray();
        Assert.True(borrowed.Length == 0, $"borrowed {string.Join(", ", borrowed)}: {text}");
    }

    [Fact]
    public void A_line_said_five_times_is_quoted_once_per_criterion()
    {
        var persona = AllPersonas.Value.Single(p => p.Id == "stressed-traveler");
        var call = Calls(persona).Single(c => c.Turns.Count(t => t.Text == "I understand your frustration.") == 5 && c.Outcome == CallOutcome.HungUp);
        var debrief = Builder.Build(call);
        var cliches = debrief.Criteria.Single(c => c.Id == CriterionIds.AvoidingCliches);
        Assert.Single(cliches.Evidence);
        Assert.Equal(5, cliches.Evidence[0].Times);
        AssertDistinctEvidence(debrief);
        Assert.Contains("\"I understand your frustration.\" (said 5 times)", DebriefMarkdown.Render(debrief));
        Assert.Contains("said 5 times", DebriefHtml.Render(debrief));
    }

    [Theory]
    [MemberData(nameof(PersonaIds))]
    public void Evidence_quotes_are_distinct_within_each_criterion(string personaId)
    {
        foreach (var call in Calls(AllPersonas.Value.Single(p => p.Id == personaId)))
        {
            AssertDistinctEvidence(Builder.Build(call));
        }
    }

    private static void AssertDistinctEvidence(Debrief debrief)
    {
        foreach (var criterion in debrief.Criteria)
        {
            var quotes = criterion.Evidence.Select(e => TextNormalizer.Normalize(e.Quote)).ToArray();
            Assert.True(quotes.Length == quotes.Distinct().Count(), $"{criterion.Id} quotes a line twice: {string.Join(" | ", quotes)}");
        }
    }

    [Fact]
    public void Suggestions_for_a_call_with_no_empathy_solution_or_recap_point_at_different_turns()
    {
        // The customer is angriest before the first reply, so every missing move used to point there.
        var call = CallScript.Build("stressed-traveler", CallOutcome.TimeLimit, 70,
        [
            "C: My flight got cancelled!",
            "T: Hello, thanks for calling.",
            "C: Can you help or not?",
            "T: Can I have your booking reference?",
            "C: QX7R2M.",
            "T: Let me have a look at that.",
            "C: Please hurry.",
        ]);
        var debrief = Builder.Build(call);
        foreach (var s in debrief.Suggestions)
        {
            output.WriteLine($"turn {s.TurnNumber} {s.Technique}: {s.Advice}");
        }
        Assert.Equal(3, debrief.Suggestions.Count);
        Assert.Equal(3, debrief.Suggestions.Select(s => s.TurnNumber).Distinct().Count());
    }

    [Fact]
    public void Unanswered_abuse_is_pointed_out_at_the_reply_that_followed_it()
    {
        var call = CallScript.Build("abusive-caller", CallOutcome.HungUp, 75,
        [
            "C: My internet has been off for days.",
            "T: Let me have a look.",
            "C: You useless idiot, just fix it.",
            "T: Can I have your account number?",
            "C: Whatever.",
            "T: One moment.",
            "C: I'm done.",
        ], enabledCriteria: [CriterionIds.Boundaries]);
        var boundary = Builder.Build(call).Suggestions.Single(s => s.Technique == "boundary");
        Assert.Equal(4, boundary.TurnNumber);
    }

    [Theory]
    [MemberData(nameof(PersonaIds))]
    public void Suggestions_point_at_distinct_turns_when_the_call_has_enough_of_them(string personaId)
    {
        foreach (var call in Calls(AllPersonas.Value.Single(p => p.Id == personaId)).Where(c => c.TraineeTurns.Count() >= 3))
        {
            var turns = Builder.Build(call).Suggestions.Select(s => s.TurnNumber).ToArray();
            Assert.True(turns.Length == turns.Distinct().Count(), $"suggestions share a turn: {string.Join(", ", turns)} in {call.SessionId}");
        }
    }

    // Another persona's problem vocabulary, company, product and name, unless this persona's own scenario uses the word too.
    private static string[] Foreign(PersonaDefinition persona)
    {
        var own = Normalized(Vocabulary(persona).Append(persona.Scenario.Problem).Append(persona.Needs.Core).Append(persona.Needs.Partial)
            .Append(persona.Name).Concat(persona.OpeningLines).Concat(persona.Scenario.Facts.Select(f => f.Topic)));
        return AllPersonas.Value.Where(p => p.Id != persona.Id)
            .SelectMany(p => Vocabulary(p).Append(p.Name.Split(' ')[0]))
            .Select(TextNormalizer.Normalize)
            .Where(w => w.Length > 0 && !Regex.IsMatch(own, $@"\b{Regex.Escape(w)}\b"))
            .Distinct()
            .ToArray();
    }

    private static IEnumerable<string> Vocabulary(PersonaDefinition p) =>
        p.Scenario.Keywords.Concat(p.Needs.CoreKeywords).Concat(p.Needs.PartialKeywords)
            .Append(p.Scenario.Company).Concat(p.Scenario.Product.Split(','))
            .Where(w => !string.IsNullOrWhiteSpace(w))
            .Select(w => w.Trim());

    private static string Normalized(IEnumerable<string> texts) => TextNormalizer.Normalize(string.Join(" . ", texts));

    [Fact]
    public void A_persona_that_writes_its_own_coaching_lines_gets_them_in_its_suggestions()
    {
        var persona = AllPersonas.Value.Single(p => p.Id == "worried-pensioner");
        var own = OwnCoaching(persona);
        Assert.NotEmpty(own);
        var call = CallScript.Build(persona.Id, CallOutcome.HungUp, persona.StartingAnger,
            [$"C: {persona.OpeningLines[0]}", "T: Calm down, it's only a bill.", "C: Only a bill?", "T: I understand your frustration.", "C: Do you?"],
            keywords: persona.Scenario.Keywords, scenario: persona.ToCallScenario(), personaName: persona.Name);

        var suggestions = Builder.Build(call).Suggestions;

        Assert.Contains(suggestions, s => own.Contains(s.BetterPhrasing));
    }

    /// <summary>The trainer's own lines for this customer, as quoted in a suggestion: theirs to word, not borrowed.</summary>
    private static HashSet<string> OwnCoaching(PersonaDefinition persona) =>
        persona.OwnCoachingByTechnique().Values.SelectMany(lines => lines).Select(line => $"\"{line}\"").ToHashSet();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SimCaller.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("SimCaller.sln is not above " + AppContext.BaseDirectory);
    }
}
