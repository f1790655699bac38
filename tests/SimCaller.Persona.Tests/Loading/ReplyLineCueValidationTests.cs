using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;

namespace SimCaller.Persona.Tests.Loading;

/// <summary>Malformed cues ("[phrase] line") in persona files are reported where the trainer wrote them.</summary>
public class ReplyLineCueValidationTests
{
    // The second dismissive/angry entry, LINE, sits on line 20 of the file.
    private const string WithLines = PersonaLoaderTests.Minimal + """

        lines:
          reactions:
            dismissive:
              angry:
                - "Don't tell me to relax."
                - "LINE"
        """;

    [Theory]
    [InlineData("[calm down Calm down? CALM DOWN?", "no closing ']'")]
    [InlineData("[calm down||relax] Calm down?", "empty trigger phrase")]
    [InlineData("[] Calm down?", "empty trigger phrase")]
    [InlineData("[calm down|  ] Calm down?", "empty trigger phrase")]
    [InlineData("[calm down]", "nothing to say after the cue")]
    [InlineData("[calm down]   ", "nothing to say after the cue")]
    public void A_malformed_cue_is_reported_with_file_line_and_field(string line, string expected)
    {
        var result = Parse(WithLines.Replace("LINE", line));

        Assert.Empty(result.Personas);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("x.yaml", problem.File);
        Assert.Equal(20, problem.Line);
        Assert.Equal("lines.reactions.dismissive.angry[1]", problem.Field);
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void A_well_formed_cue_loads_and_keeps_the_line_as_written()
    {
        var persona = Assert.Single(Parse(WithLines.Replace("LINE", "[calm down | relax] Calm down? CALM DOWN?")).Personas);

        var line = ReplyLine.Parse(persona.Lines.Reactions["dismissive"]["angry"][1]);
        Assert.Equal(["calm down", "relax"], line.Cues);
        Assert.Equal("Calm down? CALM DOWN?", line.Text);
    }

    [Fact]
    public void A_cue_outside_the_reactions_is_reported_because_it_would_be_spoken()
    {
        var result = Parse(PersonaLoaderTests.Minimal.Replace("\"Hello, I have a problem.\"", "\"[hello] Hello, I have a problem.\""));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("x.yaml:4: opening_lines[0]: cues ('[phrase] line') only work under lines.reactions; here the brackets would be spoken",
            problem.ToString());
    }

    [Theory]
    [InlineData("Fine. [sighs]", false, "Fine. [sighs]")]
    [InlineData("  Plain line  ", false, "Plain line")]
    [InlineData("[you're right|fair point]Thanks.", true, "Thanks.")]
    public void Only_a_leading_bracket_is_a_cue(string raw, bool cued, string text)
    {
        var line = ReplyLine.Parse(raw);

        Assert.Equal(cued, line.IsCued);
        Assert.Equal(text, line.Text);
    }

    [Fact]
    public void Parse_names_the_line_and_the_fault()
    {
        var error = Assert.Throws<FormatException>(() => ReplyLine.Parse("[relax Fine."));

        Assert.Contains("[relax Fine.", error.Message);
        Assert.Contains("no closing ']'", error.Message);
    }

    private static PersonaLoadResult Parse(string yaml)
    {
        using var dir = new TempDir();
        var result = PersonaLoader.LoadFile(dir.Write("x.yaml", yaml));
        return result with { Problems = result.Problems.Select(p => p with { File = Path.GetFileName(p.File) }).ToArray() };
    }
}
