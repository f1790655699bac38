using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Mood;

namespace SimCaller.Persona.Tests.Loading;

/// <summary>Lint for the streaming call's persona data: the ConversationRelay voice and the interruption rules.</summary>
public class RelaySettingsValidationTests
{
    private const string WithRelay = PersonaLoaderTests.Minimal + """

        voice:
          twilio: Polly.Amy
          language: en-GB
          relay:
            provider: amazon
            voice: Amy-Neural
        interruptions:
          talk_over:
            moods: [angry, furious]
            heard_below: 0.8
            tolerated: 1
          cut_in:
            moods: [furious]
            after_words: 25
            lines: ["Stop right there."]
        """;

    private static PersonaLoadResult Parse(string yaml)
    {
        using var dir = new TempDir();
        return PersonaLoader.LoadFile(dir.Write("test.yaml", yaml));
    }

    [Fact]
    public void Relay_voice_and_interruption_rules_load()
    {
        var result = Parse(WithRelay);
        Assert.Empty(result.Problems);
        Assert.DoesNotContain(result.Warnings, w => w.Field!.StartsWith("interruptions", StringComparison.Ordinal) || w.Field.StartsWith("voice", StringComparison.Ordinal));
        var persona = Assert.Single(result.Personas);
        Assert.Equal(("amazon", "Amy-Neural"), persona.Voice.Relay.Resolve(persona.Voice));
        Assert.Equal(1, persona.Interruptions.TalkOver.Tolerated);
        Assert.Equal(25, persona.Interruptions.CutIn.AfterWords);
    }

    [Theory]
    [InlineData("provider: amazon", "provider: azure", "voice.relay.provider", "not a ConversationRelay text-to-speech provider")]
    [InlineData("voice: Amy-Neural", "voice: Polly.Amy", "voice.relay.voice", "not an Amazon voice")]
    [InlineData("provider: amazon\n    voice: Amy-Neural", "provider: google\n    voice: en-US-Neural2-F", "voice.relay.voice", "speaks en-US but voice.language is 'en-GB'")]
    [InlineData("provider: amazon\n    voice: Amy-Neural", "provider: google\n    voice: Neural2", "voice.relay.voice", "not a Google voice name")]
    [InlineData("provider: amazon\n    voice: Amy-Neural", "provider: elevenlabs\n    voice: ZF6FPAbjXT4488VcRRnw-flash_v9", "voice.relay.voice", "not an ElevenLabs model")]
    [InlineData("provider: amazon\n    voice: Amy-Neural", "provider: elevenlabs\n    voice: ZF6FPAbjXT4488VcRRnw-flash_v2_5-1.5_1.0_1.0", "voice.relay.voice", "speed 1.5 is out of range")]
    [InlineData("provider: amazon\n    voice: Amy-Neural", "provider: elevenlabs\n    voice: \"\"", "voice.relay.voice", "missing")]
    [InlineData("moods: [angry, furious]", "moods: [angry, livid]", "interruptions.talk_over.moods[1]", "'livid' is not a mood")]
    [InlineData("heard_below: 0.8", "heard_below: 1.5", "interruptions.talk_over.heard_below", "out of range")]
    [InlineData("tolerated: 1", "tolerated: -1", "interruptions.talk_over.tolerated", "out of range")]
    [InlineData("after_words: 25", "after_words: 1", "interruptions.cut_in.after_words", "at least 3 words")]
    [InlineData("lines: [\"Stop right there.\"]", "lines: [\" \"]", "interruptions.cut_in.lines[0]", "empty")]
    public void Mistakes_are_reported_with_the_field_and_its_line(string good, string bad, string field, string message)
    {
        var yaml = WithRelay.Replace(good, bad);
        Assert.NotEqual(WithRelay, yaml);
        var result = Parse(yaml);
        var problem = Assert.Single(result.Problems, p => !p.IsWarning);
        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message);
        // The line is the field's own line in the file, for an editor to jump to.
        var lines = yaml.Split('\n');
        Assert.NotNull(problem.Line);
        Assert.Contains(field.Split('.').Last().Split('[')[0], lines[problem.Line!.Value - 1]);
        Assert.Empty(result.Personas);
    }

    [Fact]
    public void A_cut_in_rule_without_lines_warns_and_an_unsupported_google_family_warns()
    {
        var result = Parse(WithRelay.Replace("    lines: [\"Stop right there.\"]", "")
            .Replace("provider: amazon\n    voice: Amy-Neural", "provider: google\n    voice: en-GB-Journey-D"));
        Assert.Empty(result.Problems);
        Assert.Contains(result.Warnings, p => p.Field == "interruptions.cut_in.lines");
        Assert.Contains(result.Warnings, p => p.Field == "voice.relay.voice" && p.Message.Contains("no SSML"));
        Assert.Single(result.Personas);
    }

    [Fact]
    public void Without_relay_settings_the_polly_voice_carries_over_and_the_defaults_stay_quiet()
    {
        var result = Parse(PersonaLoaderTests.Minimal + "\nvoice:\n  twilio: Polly.Matthew\n");
        Assert.Empty(result.Problems);
        Assert.DoesNotContain(result.Warnings, w => w.Field!.StartsWith("interruptions", StringComparison.Ordinal) || w.Field.StartsWith("voice", StringComparison.Ordinal));
        var persona = Assert.Single(result.Personas);
        Assert.Equal(("amazon", "Matthew-Neural"), persona.Voice.Relay.Resolve(persona.Voice));
        Assert.True(persona.Interruptions.CutIn.CutsIn(MoodState.Furious, 40));
        Assert.False(persona.Interruptions.CutIn.CutsIn(MoodState.Angry, 400));
        Assert.Equal(CutInRule.DefaultLine, persona.Interruptions.CutIn.LineFor(1, 1));
    }

    [Fact]
    public void Talk_over_counts_by_mood_how_early_and_after_the_tolerated_ones()
    {
        var rule = new TalkOverRule { Moods = ["angry"], HeardBelow = 0.5, Tolerated = 1 };
        Assert.False(rule.Qualifies(MoodState.Calm, 1, 100));       // not venting
        Assert.False(rule.Qualifies(MoodState.Angry, 60, 100));     // late enough
        Assert.True(rule.Qualifies(MoodState.Angry, 10, 100));
        Assert.False(rule.Counts(MoodState.Angry, 10, 100, earlierQualifying: 0)); // the first is let pass
        Assert.True(rule.Counts(MoodState.Angry, 10, 100, earlierQualifying: 1));
    }

    [Fact]
    public void Every_shipped_persona_has_a_relay_voice_and_lints_clean()
    {
        foreach (var id in new[] { "stressed-traveler", "abusive-caller", "off-topic-ranter", "worried-pensioner" })
        {
            var result = PersonaLoader.LoadFile(RepoPaths.Persona(id));
            Assert.Empty(result.Problems);
            Assert.Empty(result.Warnings);
            var persona = Assert.Single(result.Personas);
            Assert.NotEmpty(persona.Voice.Relay.Provider);
            Assert.NotEmpty(persona.Voice.Relay.Voice);
        }
    }
}
