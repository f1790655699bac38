using SimCaller.Core.Calls;
using SimCaller.Core.Text;
using SimCaller.Evaluation.Debriefs;
using SimCaller.Evaluation.Rubrics;
using SimCaller.Evaluation.Tests.Support;

namespace SimCaller.Evaluation.Tests.Debriefs;

/// <summary>The debrief finds repeats with the customer's own rule (Core's RepeatRule), not a stricter one of its own.</summary>
public class RepeatRuleTests
{
    private static Debrief Build(params string[] lines) =>
        new DebriefBuilder(RubricLoader.LoadEmbedded()).Build(CallScript.Build("stressed-traveler", CallOutcome.Abandoned, 70, lines));

    [Fact]
    public void A_line_said_again_in_slightly_other_words_costs_like_a_word_for_word_repeat()
    {
        var near = Build(
            "C: My flight got cancelled!",
            "T: I can see why you're upset about the flight.",
            "C: Well?",
            "T: I can see why you are upset about the flight today.",
            "C: You said that.");
        var fresh = Build(
            "C: My flight got cancelled!",
            "T: I can see why you're upset about the flight.",
            "C: Well?",
            "T: Let me find the next departure for you right now.",
            "C: Fine.");

        Assert.Contains(near.Criteria, c => c.Summary.Contains("repeated", StringComparison.Ordinal) || c.Summary.Contains("recited", StringComparison.Ordinal));
        Assert.DoesNotContain(fresh.Criteria, c => c.Summary.Contains("repeated", StringComparison.Ordinal) || c.Summary.Contains("recited", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("okay", new[] { "okay" }, false)]
    [InlineData("I'm sorry about the flight", new[] { "i am sorry about the flight" }, true)]
    [InlineData("I can book the 7am flight", new[] { "I can book the 9am flight tomorrow instead" }, false)]
    [InlineData("I can see why you're upset", new[] { "I can see why you're upset", "one", "two three four", "five six seven", "eight nine ten", "a b c", "d e f" }, false)]
    public void The_rule_needs_three_words_and_looks_back_six_lines(string text, string[] earlier, bool repeat) =>
        Assert.Equal(repeat, RepeatRule.IsRepeat(text, earlier));
}
