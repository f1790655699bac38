using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;

namespace SimCaller.Persona.Tests.Loading;

/// <summary>
/// The mistakes a trainer planted in a new customer (issue 12), each of which changes what the customer
/// says or how she moves: lint must report every one at its own line, with a fix in the message.
/// </summary>
public class PlantedMistakesTests
{
    private static readonly PersonaCheckOptions WithRubric = new(new HashSet<string>(StringComparer.Ordinal)
    {
        "active_listening", "empathy", "ownership", "solutions", "expectations", "professional_tone",
        "avoiding_cliches", "ears_flow", "boundaries", "staying_on_track", "escalation",
    });

    /// <summary>A persona that lints clean; each test plants mistakes into it.</summary>
    internal static string Clean(string? skipReaction = null) => $$"""
        id: water-bill
        name: Margaret Ellis
        summary: Her water bill tripled after a smart meter was fitted.
        scenario:
          company: Valley Water
          product: water bill
          problem: The bill tripled after the smart meter went in.
          facts:
            - topic: postcode
              keywords: [postcode, post code]
              value: BA2 4QT
              answers:
                - "It's {value}."
            - topic: account number
              keywords: [account number, account]
              value: VW 22 810
              answers:
                - "The number is {value}, dear."
            - topic: meter reading
              keywords: [meter reading, reading]
              value: "04417"
              answers:
                - "It said {value} this morning."
        opening_lines:
          - "Hello? Is this the water people?"
        needs:
          core: A meter check and the bill paused
          core_keywords: [check the meter]
          anger_floor: 40
          resolved_below: 25
        starting_anger: 55
        weights:
          empathy: -8
          dismissive: 10
        difficulties:
          easy:
            starting_anger_offset: -10
            floor_offset: -10
          standard:
            calming_factor: 1.0
          hard:
            starting_anger_offset: 10
            floor_offset: 5
        default_difficulty: standard
        rubric:
          enable: []
          disable: [boundaries]
        lines:
          reminders:
            - "I can't pay three times the bill."
          reactions:
        {{Reactions(skipReaction)}}

        """;

    private static string Reactions(string? skip) => string.Join("\n",
        ReactionKeys.All.Where(k => k != skip).Select(k => $"    {k}:\n      calm: [\"Calm line for {k}.\"]\n      angry: [\"Angry line for {k}.\"]"));

    [Fact]
    public void The_clean_persona_has_nothing_to_report()
    {
        var result = Parse(Clean());

        Assert.Empty(result.Problems.Select(p => p.ToString()));
        Assert.Empty(result.Warnings.Select(p => p.ToString()));
        Assert.Single(result.Personas);
    }

    [Fact]
    public void Every_planted_mistake_is_reported_at_its_own_line_with_a_fix()
    {
        var text = Clean(skipReaction: "repeated")
            // 1. a misspelt placeholder, spoken aloud as written
            .Replace("\"It's {value}.\"", "\"It's {valeu}.\"")
            // 2. a fact with no keywords
            .Replace("      keywords: [meter reading, reading]\n", "")
            // 3. a calming move that inflames
            .Replace("empathy: -8", "empathy: 9")
            // 4. an inflaming move that calms
            .Replace("dismissive: 10", "dismissive: -5")
            // 5. a floor above the starting anger (on hard it holds: 56+5 < 55+10; not on easy or the default)
            .Replace("anger_floor: 40", "anger_floor: 56")
            // 6. a criterion id the rubric lacks
            .Replace("disable: [boundaries]", "disable: [boundary]")
            // 7. a renamed level, with the default still naming the old one
            .Replace("  standard:\n    calming_factor", "  medium:\n    calming_factor")
            // 8. a keyword of a question agents ask everyone ("What's your email address?")
            .Replace("keywords: [postcode, post code]", "keywords: [postcode, post code, address]")
            // 9. a keyword in two facts
            + "\n";
        text = text
            .Replace("keywords: [account number, account]", "keywords: [account number, postcode]")
            // 10. a placeholder outside a fact's answers
            .Replace("\"Hello? Is this the water people?\"", "\"Hello? It's {name} here.\"")
            // 11. a cue that quotes one phrase back when another fired it
            .Replace("calm: [\"Calm line for dismissive.\"]", "calm: [\"Calm line for dismissive.\", \"[dear|love] Don't you 'dear' me!\"]")
            // 12. a mood with only cued lines
            .Replace("calm: [\"Calm line for blame.\"]", "calm: [\"[your fault] My fault? I only opened the letter!\"]")
            // 13. a mood with no lines of its own
            .Replace("calm: [\"Calm line for rude.\"]", "calm: []")
            // 14. coaching under a key that is neither a criterion nor a technique
            + "coaching:\n  empathyy: [\"Take your time, there's no rush.\"]\n";
        // 15. (reaction 'repeated' left out above) a reaction with no lines at all

        var result = Parse(text, WithRubric);
        var all = result.Everything.ToArray();

        Expect(all, text, "\"It's {valeu}.\"", "scenario.facts[0].answers[0]", ProblemSeverity.Error, "unknown placeholder '{valeu}' (did you mean '{value}'?)");
        Expect(all, text, "- topic: meter reading", "scenario.facts[2].keywords", ProblemSeverity.Error, "list the words a trainee would use");
        Expect(all, text, "empathy: 9", "weights.empathy", ProblemSeverity.Warning, "calming weights are negative");
        Expect(all, text, "dismissive: -5", "weights.dismissive", ProblemSeverity.Warning, "inflaming weights are positive");
        Expect(all, text, "anger_floor: 56", "needs.anger_floor", ProblemSeverity.Error, "at difficulty 'easy': floor 56-10 = 46, start 55-10 = 45; 'medium': floor 56 = 56, start 55 = 55");
        Expect(all, text, "disable: [boundary]", "rubric.disable[0]", ProblemSeverity.Error, "no criterion 'boundary' (did you mean 'boundaries'?)");
        Expect(all, text, "default_difficulty: standard", "default_difficulty", ProblemSeverity.Error, "defined: easy, medium, hard");
        Expect(all, text, "post code, address]", "scenario.facts[0].keywords[2]", ProblemSeverity.Warning, "What's your email address?");
        Expect(all, text, "keywords: [account number, postcode]", "scenario.facts[1].keywords[1]", ProblemSeverity.Warning, "also a keyword of scenario.facts[0]");
        Expect(all, text, "It's {name} here.", "opening_lines[0]", ProblemSeverity.Error, "'{name}' would be shown or spoken as written");
        Expect(all, text, "Don't you 'dear' me!", "lines.reactions.dismissive.calm[1]", ProblemSeverity.Warning, "also plays when the trainee said 'love'");
        Expect(all, text, "[your fault]", "lines.reactions.blame.calm", ProblemSeverity.Warning, "every line here is cued");
        Expect(all, text, "calm: []", "lines.reactions.rude.calm", ProblemSeverity.Warning, "no lines of its own");
        Expect(all, text, "empathyy:", "coaching.empathyy", ProblemSeverity.Error, "did you mean 'empathy'?");
        Expect(all, text, "reactions:", "lines.reactions", ProblemSeverity.Warning, "no lines for repeated");
    }

    [Fact]
    public void A_tab_deep_in_the_file_is_reported_at_its_own_line()
    {
        var lines = Clean().Split('\n').ToList();
        var at = lines.FindIndex(l => l.Contains("resolved_below"));
        lines[at] = "\t" + lines[at].TrimStart();

        var problem = Assert.Single(Parse(string.Join('\n', lines)).Problems);

        Assert.Equal(at + 1, problem.Line);
        Assert.Contains("tab", problem.Message);
        Assert.Contains("spaces", problem.Message);
    }

    [Fact]
    public void Bad_indentation_is_reported_near_where_it_is_not_at_the_top()
    {
        var lines = Clean().Split('\n').ToList();
        var at = lines.FindIndex(l => l.Contains("resolved_below"));
        lines[at] = "     " + lines[at].TrimStart(); // 5 spaces under a 2-space block

        var problem = Assert.Single(Parse(string.Join('\n', lines)).Problems);

        Assert.InRange(problem.Line ?? 0, at, at + 2);
    }

    [Fact]
    public void A_file_with_no_lines_loads_but_warns_that_fallback_text_will_speak()
    {
        var text = Clean();
        text = text[..text.IndexOf("lines:\n  reminders", StringComparison.Ordinal)];

        var result = Parse(text);

        Assert.Single(result.Personas);
        Assert.Empty(result.Problems);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("lines", warning.Field);
        Assert.Contains("generic fallback text", warning.Message);
        Assert.StartsWith("x.yaml: warning: lines:", warning.ToString());
    }

    [Fact]
    public void Without_a_rubric_at_hand_criterion_ids_are_not_judged()
    {
        var result = Parse(Clean().Replace("disable: [boundaries]", "disable: [boundary]"));

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_value_placeholder_on_a_fact_without_a_value_is_an_error()
    {
        var problem = Assert.Single(Parse(Clean().Replace("value: BA2 4QT", "value: \"\"")).Problems);

        Assert.Equal("scenario.facts[0].answers[0]", problem.Field);
        Assert.Contains("give the fact a value", problem.Message);
    }

    [Fact]
    public void Situational_moves_may_inflame_a_customer_who_is_not_in_that_situation()
    {
        var result = Parse(Clean().Replace("empathy: -8", "empathy: -8\n  boundary: 3\n  redirect: 1\n  escalation_offer: 2"));

        Assert.Empty(result.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void A_boundary_that_inflames_an_abusive_caller_is_warned_about()
    {
        var result = Parse(Clean().Replace("empathy: -8", "empathy: -8\n  boundary: 3") + "behaviours:\n  abusive: true\n");

        Assert.Equal("weights.boundary", Assert.Single(result.Warnings).Field);
    }

    [Fact]
    public void Renamed_levels_without_a_default_take_the_first_level_and_load()
    {
        var text = Clean().Replace("  standard:\n    calming_factor", "  medium:\n    calming_factor").Replace("default_difficulty: standard\n", "");

        var persona = Assert.Single(Parse(text).Personas);

        Assert.Equal("easy", persona.DefaultDifficulty);
        Assert.True(persona.TryResolveDifficulty("medium", out _));
        Assert.Equal(["easy", "medium", "hard"], persona.DifficultyNames());
    }

    private static void Expect(PersonaProblem[] all, string text, string snippet, string field, ProblemSeverity severity, string fix)
    {
        var line = Array.FindIndex(text.Split('\n'), l => l.Contains(snippet, StringComparison.Ordinal)) + 1;
        Assert.True(line > 0, $"snippet not in the file: {snippet}");
        var found = all.Where(p => p.Field == field).ToArray();
        Assert.True(found.Length > 0, $"nothing reported for {field}; reported:\n{string.Join("\n", all.Select(p => p.ToString()))}");
        Assert.Contains(found, p => p.Line == line && p.Severity == severity && p.Message.Contains(fix, StringComparison.Ordinal));
    }

    private static PersonaLoadResult Parse(string text, PersonaCheckOptions? options = null)
    {
        using var dir = new TempDir();
        var result = PersonaLoader.LoadFile(dir.Write("x.yaml", text), options);
        // Paths relative to the folder, so messages read like the CLI's.
        return result with
        {
            Problems = result.Problems.Select(p => p with { File = Path.GetFileName(p.File) }).ToArray(),
            Warnings = result.Warnings.Select(p => p with { File = Path.GetFileName(p.File) }).ToArray(),
        };
    }
}
