using SimCaller.Persona.Loading;

namespace SimCaller.Persona.Tests.Loading;

public class PersonaLoaderTests
{
    /// <summary>The smallest persona the loader accepts; tests break one thing at a time.</summary>
    internal const string Minimal = """
        id: test-caller
        name: Test Caller
        opening_lines:
          - "Hello, I have a problem."
        needs:
          core: a refund
          core_keywords: [refund]
        starting_anger: 50
        weights:
          empathy: -5
        difficulties:
          standard:
            calming_factor: 1.0
        default_difficulty: standard
        """;

    [Fact]
    public void The_minimal_persona_loads()
    {
        var persona = Assert.Single(Parse(Minimal).Personas);

        Assert.Equal("test-caller", persona.Id);
        Assert.Equal(-5, persona.Weights["empathy"]);
    }

    [Fact]
    public void A_broken_file_beside_good_ones_is_reported_with_file_field_and_line_while_the_others_load()
    {
        using var dir = new TempDir();
        foreach (var id in new[] { "stressed-traveler", "abusive-caller", "off-topic-ranter" })
        {
            File.Copy(RepoPaths.Persona(id), Path.Combine(dir.Path, id + ".yaml"));
        }
        var broken = dir.Write("broken.yaml", Minimal.Replace("empathy: -5", "empathyy: -5"));

        var result = PersonaLoader.LoadDirectory(dir.Path);

        Assert.Equal(3, result.Personas.Count);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(broken, problem.File);
        Assert.Equal("weights.empathyy", problem.Field);
        Assert.Equal(10, problem.Line);
    }

    [Fact]
    public void An_unknown_technique_id_names_the_id_suggests_the_right_one_and_lists_the_known_ones()
    {
        var problem = Assert.Single(Parse(Minimal.Replace("empathy: -5", "empathyy: -5")).Problems);

        Assert.StartsWith("x.yaml:10: weights.empathyy: unknown technique id 'empathyy' (did you mean 'empathy'?) (known: empathy, apology,", problem.ToString());
    }

    [Fact]
    public void Anger_out_of_range_is_reported_on_its_line()
    {
        var problem = Assert.Single(Parse(Minimal.Replace("starting_anger: 50", "starting_anger: 150")).Problems);

        Assert.Equal("x.yaml:8: starting_anger: 150 is out of range: anger is 0-100", problem.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void A_close_allowance_outside_one_to_ten_turns_is_reported_on_its_line(int turns)
    {
        var problem = Assert.Single(Parse(Minimal.Replace("core_keywords: [refund]", $"core_keywords: [refund]\n  close_after_turns: {turns}")).Problems);

        Assert.StartsWith($"x.yaml:8: needs.close_after_turns: {turns} is out of range", problem.ToString());
    }

    [Fact]
    public void A_persona_without_opening_lines_is_rejected()
    {
        var result = Parse(Minimal.Replace("  - \"Hello, I have a problem.\"\n", ""));

        Assert.Empty(result.Personas);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("opening_lines", problem.Field);
        Assert.Contains("at least one opening line is required", problem.Message);
    }

    [Fact]
    public void An_unknown_key_is_reported_with_its_line_and_the_key_it_probably_meant()
    {
        var problem = Assert.Single(Parse(Minimal + "\nspeaking_styel: fast").Problems);

        Assert.Equal("x.yaml:15: speaking_styel: unknown key 'speaking_styel' (did you mean 'speaking_style'?)", problem.ToString());
    }

    [Fact]
    public void A_far_off_unknown_key_gets_no_misleading_suggestion()
    {
        var problem = Assert.Single(Parse(Minimal + "\nfavourite_colour: blue").Problems);

        Assert.Equal("unknown key 'favourite_colour'", problem.Message);
    }

    [Fact]
    public void Missing_id_name_and_core_need_are_each_reported()
    {
        var yaml = """
            opening_lines: ["Hi."]
            needs:
              core_keywords: [refund]
            """;

        var fields = Parse(yaml).Problems.Select(p => p.Field).ToArray();

        Assert.Contains("id", fields);
        Assert.Contains("name", fields);
        Assert.Contains("needs.core", fields);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_with_its_line()
    {
        var problem = Assert.Single(Parse("id: x\nname: Test\n  opening_lines: oops\n").Problems);

        Assert.Equal(3, problem.Line);
        Assert.StartsWith("YAML syntax error", problem.Message);
    }

    [Fact]
    public void An_unclosed_bracket_is_a_syntax_error_not_a_crash()
    {
        var problem = Assert.Single(Parse("id: x\nname: [unclosed\nopening_lines: []\n").Problems);

        Assert.StartsWith("YAML syntax error", problem.Message);
    }

    [Fact]
    public void A_word_where_a_number_belongs_is_reported_plainly()
    {
        var problem = Assert.Single(Parse(Minimal.Replace("starting_anger: 50", "starting_anger: lots")).Problems);

        Assert.Equal("x.yaml:8: starting_anger: expected a whole number, got 'lots'", problem.ToString());
    }

    [Fact]
    public void A_default_difficulty_that_is_not_defined_is_reported_with_the_defined_ones()
    {
        var problem = Assert.Single(Parse(Minimal.Replace("default_difficulty: standard", "default_difficulty: medium")).Problems);

        Assert.Equal("default_difficulty", problem.Field);
        Assert.Contains("'medium' is not defined under difficulties (defined: standard)", problem.Message);
    }

    [Fact]
    public void A_difficulty_factor_out_of_range_is_reported()
    {
        var problem = Assert.Single(Parse(Minimal.Replace("calming_factor: 1.0", "calming_factor: -2")).Problems);

        Assert.Equal("x.yaml:13: difficulties.standard.calming_factor: -2 is out of range: factors are more than 0 and at most 5", problem.ToString());
    }

    [Fact]
    public void Unknown_reaction_keys_and_mood_names_under_lines_are_reported()
    {
        var yaml = Minimal + """

            lines:
              reactions:
                empathy:
                  calmm: ["Thanks."]
                sympathy:
                  calm: ["Thanks."]
            """;

        var messages = Parse(yaml).Problems.Select(p => p.ToString()).ToArray();

        Assert.Contains(messages, m => m.Contains("lines.reactions.empathy.calmm: unknown mood 'calmm' (did you mean 'calm'?)"));
        Assert.Contains(messages, m => m.Contains("lines.reactions.sympathy: unknown reaction 'sympathy'"));
    }

    [Fact]
    public void Duplicate_ids_across_files_keep_the_first_and_report_the_second()
    {
        using var dir = new TempDir();
        dir.Write("a.yaml", Minimal);
        var second = dir.Write("b.yaml", Minimal.Replace("Test Caller", "Another"));

        var result = PersonaLoader.LoadDirectory(dir.Path);

        Assert.Equal("Test Caller", Assert.Single(result.Personas).Name);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(second, problem.File);
        Assert.Equal(1, problem.Line);
        Assert.Contains("duplicate id 'test-caller'", problem.Message);
    }

    [Fact]
    public void A_missing_file_or_directory_is_a_problem_not_a_crash()
    {
        Assert.Equal("file not found", Assert.Single(PersonaLoader.LoadFile("/nonexistent/p.yaml").Problems).Message);
        Assert.Equal("persona directory not found", Assert.Single(PersonaLoader.LoadDirectory("/nonexistent/dir").Problems).Message);
    }

    [Fact]
    public void Empty_sections_load_as_empty_instead_of_null()
    {
        var persona = Assert.Single(Parse(Minimal + "\nscenario:\nlines:\nbehaviours:\nsummary:").Personas);

        Assert.Empty(persona.Scenario.Facts);
        Assert.Empty(persona.Lines.Reactions);
        Assert.Empty(persona.Behaviours.Insults);
        Assert.Equal("", persona.Summary);
    }

    private static PersonaLoadResult Parse(string yaml)
    {
        using var dir = new TempDir();
        var file = dir.Write("x.yaml", yaml);
        var result = PersonaLoader.LoadFile(file);
        // Report paths relative to the folder so expected messages read like the CLI's.
        return result with { Problems = result.Problems.Select(p => p with { File = Path.GetFileName(p.File) }).ToArray() };
    }
}
