using System.Globalization;
using SimCaller.Speech.Prosody;

namespace SimCaller.Twilio.Tests;

public class MoodProsodyTests
{
    private static int Number(string value) =>
        int.Parse(value.TrimEnd('%').Replace("dB", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    [Fact]
    public void Angrier_customers_speak_faster_and_louder()
    {
        var levels = Enumerable.Range(0, 11).Select(i => MoodProsody.For(i * 10)).ToList();

        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(Number(levels[i].Rate) >= Number(levels[i - 1].Rate));
            Assert.True(Number(levels[i].Volume) >= Number(levels[i - 1].Volume));
        }
        Assert.True(Number(levels[^1].Rate) > Number(levels[0].Rate));
        Assert.True(Number(levels[^1].Volume) > Number(levels[0].Volume));
    }

    [Theory]
    [InlineData(5, "friendly")]
    [InlineData(30, "unfriendly")]
    [InlineData(50, "unfriendly")]
    [InlineData(70, "angry")]
    [InlineData(95, "shouting")]
    public void Style_follows_the_mood_band(int anger, string style)
    {
        Assert.Equal(style, MoodProsody.For(anger).Style);
    }

    [Fact]
    public void Style_degree_rises_with_anger_within_a_band_and_stays_in_azure_range()
    {
        Assert.True(MoodProsody.For(78).StyleDegree > MoodProsody.For(62).StyleDegree);
        Assert.True(MoodProsody.For(100).StyleDegree > MoodProsody.For(81).StyleDegree);
        Assert.All(Enumerable.Range(-10, 120), a => Assert.InRange(MoodProsody.For(a).StyleDegree, 0.01, 2.0));
    }

    [Fact]
    public void Pitch_is_left_out_when_the_voice_cannot_take_it()
    {
        Assert.Null(MoodProsody.For(90, allowPitch: false).Pitch);
        Assert.NotNull(MoodProsody.For(90, allowPitch: true).Pitch);
    }

    [Fact]
    public void Out_of_range_anger_is_clamped()
    {
        Assert.Equal(MoodProsody.For(100), MoodProsody.For(250));
        Assert.Equal(MoodProsody.For(0), MoodProsody.For(-5));
    }
}
