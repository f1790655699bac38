using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Debriefs;
using SimCaller.Evaluation.Rendering;
using SimCaller.Evaluation.Rubrics;
using SimCaller.Evaluation.Tests.Support;
using Xunit.Abstractions;

namespace SimCaller.Evaluation.Tests.Debriefs;

public sealed class DebriefBuilderTests(ITestOutputHelper output)
{
    private static readonly DebriefBuilder Builder = new(RubricLoader.LoadEmbedded());

    public static TheoryData<string> Personas => new() { "stressed-traveler", "abusive-caller", "off-topic-ranter" };

    private static (CallTranscript Good, CallTranscript Mixed, CallTranscript Bad) Calls(string persona) => persona switch
    {
        "stressed-traveler" => (Scenarios.TravelerGood(), Scenarios.TravelerMixed(), Scenarios.TravelerBad()),
        "abusive-caller" => (Scenarios.AbusiveGood(), Scenarios.AbusiveMixed(), Scenarios.AbusiveBad()),
        _ => (Scenarios.RanterGood(), Scenarios.RanterMixed(), Scenarios.RanterBad()),
    };

    [Theory]
    [MemberData(nameof(Personas))]
    public void Good_call_outscores_mixed_which_outscores_bad(string persona)
    {
        var (good, mixed, bad) = Calls(persona);
        var (g, m, b) = (Builder.Build(good), Builder.Build(mixed), Builder.Build(bad));
        output.WriteLine($"{persona}: good {g.Score}, mixed {m.Score}, bad {b.Score}");
        Assert.True(g.Score > m.Score, $"good {g.Score} <= mixed {m.Score}");
        Assert.True(m.Score > b.Score, $"mixed {m.Score} <= bad {b.Score}");
        Assert.True(g.Score >= 70, $"a well-handled resolved call scored only {g.Score}");
        Assert.True(b.Score <= 35, $"a badly handled call scored {b.Score}");
    }

    [Fact]
    public void Persona_toggles_switch_criteria_on()
    {
        Assert.Contains(Builder.Build(Scenarios.AbusiveGood()).Criteria, c => c.Id == CriterionIds.Boundaries);
        Assert.Contains(Builder.Build(Scenarios.RanterGood()).Criteria, c => c.Id == CriterionIds.StayingOnTrack);
        var traveler = Builder.Build(Scenarios.TravelerGood());
        Assert.DoesNotContain(traveler.Criteria, c => c.Id is CriterionIds.Boundaries or CriterionIds.StayingOnTrack);
    }

    [Fact]
    public void Disabled_criteria_are_left_out()
    {
        var call = Scenarios.TravelerGood() with { DisabledCriteria = [CriterionIds.Escalation] };
        Assert.DoesNotContain(Builder.Build(call).Criteria, c => c.Id == CriterionIds.Escalation);
    }

    [Fact]
    public void Boundaries_reward_a_calm_warning_and_punish_answering_back()
    {
        var good = Builder.Build(Scenarios.AbusiveGood()).Criteria.Single(c => c.Id == CriterionIds.Boundaries);
        var bad = Builder.Build(Scenarios.AbusiveBad()).Criteria.Single(c => c.Id == CriterionIds.Boundaries);
        Assert.True(good.Score >= 70, good.Summary);
        Assert.True(bad.Score <= 20, bad.Summary);
    }

    [Fact]
    public void Resolving_with_technique_beats_reciting_empathy()
    {
        var recital = CallScript.Build("stressed-traveler", CallOutcome.TimeLimit, 70,
        [
            "C: My flight got cancelled and the wedding is tomorrow!",
            "T: That sounds incredibly stressful.",
            "C: Can you rebook me?",
            "T: I can imagine how worrying this is.",
            "C: Yes, but can you rebook me?",
            "T: Anyone would be upset about that.",
            "C: Please just tell me what you can do.",
            "T: That must be so frustrating for you.",
            "C: ...",
            "T: You have every right to be upset.",
            "C: I'm going to run out of time.",
        ]);
        var resolved = Builder.Build(Scenarios.TravelerGood());
        var recited = Builder.Build(recital);
        output.WriteLine($"resolved {resolved.Score}, empathy recital {recited.Score}");
        Assert.True(resolved.Score > recited.Score + 20, $"resolved {resolved.Score} vs recital {recited.Score}");
    }

    [Fact]
    public void Ten_identical_empathy_lines_do_not_farm_points()
    {
        string[] opening = ["C: My flight got cancelled and the wedding is tomorrow!"];
        var once = CallScript.Build("stressed-traveler", CallOutcome.TimeLimit, 70,
            [.. opening, "T: That sounds incredibly stressful.", "C: So what are you doing about it?"]);
        var tenTimes = CallScript.Build("stressed-traveler", CallOutcome.TimeLimit, 70,
            [.. opening, .. Enumerable.Range(0, 10).SelectMany(_ => new[] { "T: That sounds incredibly stressful.", "C: So what are you doing about it?" })]);

        var (a, b) = (Builder.Build(once), Builder.Build(tenTimes));
        output.WriteLine($"once {a.Score}, ten times {b.Score}");
        Assert.True(b.Score <= a.Score, $"ten identical lines scored {b.Score} > once {a.Score}");
        int Criterion(Debrief d, string id) => d.Criteria.Single(c => c.Id == id).Score;
        Assert.Equal(Criterion(a, CriterionIds.Empathy), Criterion(b, CriterionIds.Empathy));
        Assert.True(Criterion(b, CriterionIds.ProfessionalTone) < Criterion(a, CriterionIds.ProfessionalTone));
        Assert.Single(b.Criteria.Single(c => c.Id == CriterionIds.Empathy).Evidence);
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public void Evidence_quotes_are_the_trainees_own_words_with_their_turn_numbers(string persona)
    {
        var (good, mixed, bad) = Calls(persona);
        foreach (var call in new[] { good, mixed, bad })
        {
            var debrief = Builder.Build(call);
            var quotes = debrief.Criteria.SelectMany(c => c.Evidence).ToArray();
            Assert.NotEmpty(quotes);
            foreach (var quote in quotes)
            {
                var turn = call.Turns.Single(t => t.Number == quote.TurnNumber);
                Assert.Equal(Speaker.Trainee, turn.Speaker);
                // The whole turn, or the sentence of it that earned the move, word for word.
                Assert.Contains(quote.Quote, turn.Text, StringComparison.Ordinal);
                Assert.Contains(turn.Techniques, m => m.Technique.ToId() == quote.Technique);
                Assert.Equal(turn.Seconds(call.StartedAt), quote.Seconds);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public void Three_suggestions_each_quote_a_turn_of_this_call(string persona)
    {
        var (good, mixed, bad) = Calls(persona);
        foreach (var call in new[] { good, mixed, bad })
        {
            var debrief = Builder.Build(call);
            Assert.Equal(3, debrief.Suggestions.Count);
            Assert.Equal(3, debrief.Suggestions.Select(s => s.Technique).Distinct().Count());
            foreach (var s in debrief.Suggestions)
            {
                var turn = call.Turns.Single(t => t.Number == s.TurnNumber);
                Assert.Equal(turn.Text, s.Quote);
                Assert.Contains($"turn {turn.Number}", s.Advice);
                Assert.True(TechniqueIds.TryParse(s.Technique, out _), s.Technique);
                Assert.False(string.IsNullOrWhiteSpace(s.BetterPhrasing));
            }
        }
    }

    [Fact]
    public void Suggestions_target_what_went_wrong()
    {
        var bad = Builder.Build(Scenarios.TravelerBad());
        var techniques = bad.Suggestions.Select(s => s.Technique).ToArray();
        // The call's harmful moves come before polish: dismissive, blame, refusal, defensive are all candidates.
        Assert.All(techniques, t => Assert.Contains(t, new[] { "dismissive", "blame", "refusal", "defensive" }));
    }

    [Fact]
    public void Evidence_quotes_the_sentence_that_earned_the_move_not_the_whole_turn()
    {
        const string Empathy = "A cancelled flight the night before your sister's wedding, that sounds incredibly stressful.";
        const string Question = "Can I have the booking reference please?";
        var call = CallScript.Build("stressed-traveler", CallOutcome.TimeLimit, 70,
        [
            "C: My flight to Denver got cancelled and my sister's wedding is tomorrow!",
            $"T: Right, I'm here now. {Empathy} {Question}",
            "C: QX7R2M.",
        ], keywords: ["flight", "denver", "wedding", "booking"]);
        var criteria = Builder.Build(call).Criteria;
        Assert.Equal(Empathy, criteria.Single(c => c.Id == CriterionIds.Empathy).Evidence.Single(q => q.Technique == "empathy").Quote);
        Assert.Equal(Question, criteria.Single(c => c.Id == CriterionIds.ActiveListening).Evidence.Single(q => q.Technique == "clarifying_question").Quote);
    }

    [Fact]
    public void A_silent_turn_is_called_silence_in_the_advice_not_an_empty_quote()
    {
        var call = CallScript.Build("stressed-traveler", CallOutcome.TimeLimit, 62,
        [
            "C: My flight to Denver got cancelled and my sister's wedding is tomorrow!",
            "T: ",
            "C: Hello?! Are you even there?",
            "T: Can I have the booking reference please?",
            "C: QX7R2M.",
            "T: We can't rebook you on another airline.",
            "C: Then what good are you?",
        ], keywords: ["flight", "denver", "wedding", "booking"]);
        var advice = Builder.Build(call).Suggestions.Select(s => s.Advice).ToArray();
        Assert.DoesNotContain(advice, a => a.Contains("\"\"", StringComparison.Ordinal));
        Assert.Contains(advice, a => a.Contains("you said nothing", StringComparison.Ordinal));
    }

    [Fact]
    public void Key_moments_name_the_move_behind_the_biggest_swings()
    {
        var call = Scenarios.TravelerBad();
        var debrief = Builder.Build(call);
        Assert.NotEmpty(debrief.KeyMoments);
        foreach (var moment in debrief.KeyMoments)
        {
            var turn = call.Turns.Single(t => t.Number == moment.TurnNumber);
            Assert.Equal(turn.Text, moment.Quote);
            Assert.Equal(moment.AngerAfter - moment.AngerBefore, moment.Delta);
            Assert.Equal("rise", moment.Kind);
            // The named move is one of the harmful labels the line really carried.
            Assert.Contains(turn.Techniques, m => m.Technique.IsHarmful() && moment.Move.Contains(m.Technique.ToId()));
        }
        Assert.Contains(debrief.KeyMoments, k => k.Move.Contains("blame"));

        var good = Builder.Build(Scenarios.TravelerGood());
        Assert.Contains(good.KeyMoments, k => k.Kind == "fall" && k.Delta < 0);
    }

    [Fact]
    public void Stats_describe_the_call()
    {
        var call = Scenarios.TravelerGood();
        var stats = Builder.Build(call).Stats;
        Assert.Equal(call.Turns.Count, stats.Turns);
        Assert.Equal(call.TraineeTurns.Count(), stats.TraineeTurns);
        Assert.Equal(30, stats.SecondsToFirstEmpathy);
        Assert.InRange(stats.TraineeTalkShare, 0.3, 0.9);
        Assert.Equal(0, stats.HarmfulMoveCount);
        Assert.Equal(call.FinalAnger, stats.FinalAnger);
        Assert.Equal(15 * (call.Turns.Count + 1), stats.DurationSeconds);

        var bad = Builder.Build(Scenarios.TravelerBad()).Stats;
        Assert.Null(bad.SecondsToFirstEmpathy);
        Assert.True(bad.HarmfulMoveCount >= 4);
    }

    [Fact]
    public void Outcome_matters_hung_up_scores_below_resolved_for_the_same_words()
    {
        var resolved = Scenarios.TravelerGood();
        var hungUp = resolved with { Outcome = CallOutcome.HungUp };
        Assert.True(Builder.Build(resolved).Score - Builder.Build(hungUp).Score >= 20);
    }

    [Fact]
    public void Handing_over_a_resolvable_call_at_once_scores_poorly_on_escalation()
    {
        var early = CallScript.Build("stressed-traveler", CallOutcome.Escalated, 45,
            ["C: My flight was moved by an hour, can I change seats?", "T: Would you like me to transfer you to my supervisor?"]);
        var escalation = Builder.Build(early).Criteria.Single(c => c.Id == CriterionIds.Escalation);
        Assert.True(escalation.Score <= 40, escalation.Summary);
        Assert.Contains(Builder.Build(early).Suggestions, s => s.Technique == "escalation_offer");
    }

    [Fact]
    public void A_call_with_no_trainee_turns_scores_low_without_crashing()
    {
        var silent = CallScript.Build("stressed-traveler", CallOutcome.Abandoned, 70,
            ["C: Hello? My flight was cancelled.", "C: Is anyone there?"]);
        var debrief = Builder.Build(silent);
        Assert.InRange(debrief.Score, 0, 15);
        Assert.Equal(0, debrief.Stats.TraineeTurns);
        Assert.All(debrief.Criteria, c => Assert.Equal(0, c.Score));
        Assert.Equal(3, debrief.Suggestions.Count);
        Assert.All(debrief.Suggestions, s => Assert.Equal(1, s.TurnNumber));

        var empty = silent with { Turns = [] };
        var none = Builder.Build(empty);
        Assert.Equal(3, none.Suggestions.Count);
        Assert.Empty(none.Timeline);
        Assert.NotNull(DebriefHtml.Render(none));
    }

    [Fact]
    public void Building_is_deterministic()
    {
        var first = DebriefJson.Serialize(Builder.Build(Scenarios.RanterMixed()));
        var second = DebriefJson.Serialize(Builder.Build(Scenarios.RanterMixed()));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Custom_rubric_criteria_are_scored_from_their_evidence_lists()
    {
        var rubric = RubricLoader.Parse("""
            id: thanks
            name: Gratitude only
            criteria:
              - id: saying_thanks
                name: Saying thanks
                weight: 1
                evidence:
                  earns: [gratitude]
                  costs: [rude]
            """, "thanks.yaml");
        var debrief = new DebriefBuilder(rubric).Build(Scenarios.TravelerGood());
        var criterion = Assert.Single(debrief.Criteria);
        Assert.Equal("saying_thanks", criterion.Id);
        Assert.True(criterion.Score > 0);
        Assert.Contains(criterion.Evidence, e => e.Technique == "gratitude" && e.Positive);
    }
}

public sealed class OddTranscriptTests
{
    [Fact]
    public void Odd_content_never_crashes_the_builder_or_the_renderers()
    {
        var start = CallScript.Start;
        var turns = new List<TranscriptTurn>
        {
            new(1, start.AddSeconds(-5), Speaker.Customer, "", 150, null!, null!),
            new(2, start, Speaker.Trainee, null!, -20, "calm", null!, CallEvents.Silence | CallEvents.TalkOver),
            new(3, start.AddSeconds(4), Speaker.Trainee, new string('a', 5000) + " ünïcødé 😀 <b>", 40, "", [new TechniqueMatch(Technique.Empathy, null!)]),
        };
        var transcript = new CallTranscript("", "", "", "", 0, start, null, CallOutcome.InProgress, 300, turns);

        var debrief = new DebriefBuilder(RubricLoader.LoadEmbedded()).Build(transcript);

        Assert.InRange(debrief.Score, 0, 100);
        Assert.All(debrief.Criteria, c => Assert.InRange(c.Score, 0, 100));
        Assert.Equal(3, debrief.Suggestions.Count);
        Assert.NotEmpty(DebriefMarkdown.Render(debrief));
        Assert.DoesNotContain("<b>", DebriefHtml.Render(debrief));
        Assert.Equal(DebriefJson.Serialize(debrief), DebriefJson.Serialize(DebriefJson.Deserialize(DebriefJson.Serialize(debrief))));
    }
}
