using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Rubrics;
using SimCaller.Core.Text;

namespace SimCaller.Evaluation.Debriefs;

/// <summary>
/// Scores one criterion 0-100 from the call's facts. The shipped criteria ids have their own rules
/// (order for ears_flow, timing for escalation, ...); any other criterion a trainer adds is scored from
/// its evidence lists: fresh uses of earning techniques with diminishing returns, minus costs.
/// </summary>
internal static class CriterionScorer
{
    private const int MaxEvidence = 6;

    public static CriterionResult Score(RubricCriterion criterion, CallFacts facts)
    {
        var evidence = Evidence(criterion, facts);
        if (facts.Moves.Count == 0)
        {
            return new CriterionResult(criterion.Id, criterion.Name, criterion.Weight, 0,
                "Nothing to score: the trainee did not speak.", evidence);
        }

        var (score, note) = criterion.Id switch
        {
            CriterionIds.ActiveListening => ActiveListening(facts),
            CriterionIds.Empathy => Empathy(facts),
            CriterionIds.Ownership => Ownership(facts),
            CriterionIds.Solutions => Solutions(facts),
            CriterionIds.Expectations => Expectations(facts),
            CriterionIds.ProfessionalTone => ProfessionalTone(facts),
            CriterionIds.AvoidingCliches => AvoidingCliches(facts),
            CriterionIds.EarsFlow => EarsFlow(facts),
            CriterionIds.Boundaries => Boundaries(facts),
            CriterionIds.StayingOnTrack => StayingOnTrack(facts),
            CriterionIds.Escalation => Escalation(facts),
            _ => Generic(criterion, facts),
        };
        var clamped = (int)Math.Round(Math.Clamp(score, 0, 100));
        return new CriterionResult(criterion.Id, criterion.Name, criterion.Weight, clamped, $"{Verdict(clamped)}: {note}", evidence);
    }

    private static string Verdict(int score) => score switch
    {
        >= 80 => "Strong",
        >= 60 => "Good",
        >= 40 => "Mixed",
        _ => "Weak",
    };

    // First use earns most, later ones less: 0, 0.75, 1 for none, one, two or more.
    private static double Credit(int uses) => uses switch { 0 => 0, 1 => 0.75, _ => 1 };

    private static int Fresh(CallFacts facts, Technique technique) => facts.FreshUses(technique).Count;

    private static int All(CallFacts facts, Technique technique) => facts.AllUses(technique).Count;

    private static string Times(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {Plural(what)}";

    private static string Plural(string what) => what.EndsWith('y') && !what.EndsWith("ey") ? what[..^1] + "ies" : what + "s";

    private static (double, string) ActiveListening(CallFacts facts)
    {
        int paraphrases = Fresh(facts, Technique.Paraphrase), questions = Fresh(facts, Technique.ClarifyingQuestion);
        var score = 60 * Credit(paraphrases) + 40 * Credit(questions);
        var note = (paraphrases, questions) switch
        {
            (0, 0) => "the customer's problem was never played back or probed with a question.",
            (0, _) => $"{Times(questions, "clarifying question")} but no paraphrase to show the problem was understood.",
            (_, 0) => $"{Times(paraphrases, "paraphrase")}, but no clarifying question to pin down the facts.",
            _ => $"{Times(paraphrases, "paraphrase")} and {Times(questions, "clarifying question")}.",
        };
        return (score, note);
    }

    private static (double, string) Empathy(CallFacts facts)
    {
        var uses = Fresh(facts, Technique.Empathy);
        var dismissive = All(facts, Technique.Dismissive);
        var score = uses switch { 0 => 0, 1 => 60, 2 => 85, _ => 100 };
        var first = facts.First(Technique.Empathy);
        if (first is { Index: <= 1 })
        {
            score += 10;
        }
        score -= 20 * dismissive;
        var note = uses == 0
            ? "the customer's feelings or situation were never acknowledged in your own words."
            : $"{Times(uses, "distinct acknowledgement")} of the customer's situation{(first is { Index: <= 1 } ? ", starting early" : ", though it came late")}.";
        if (dismissive > 0)
        {
            note += $" {Times(dismissive, "dismissive remark")} undercut it.";
        }
        return (score, note);
    }

    private static (double, string) Ownership(CallFacts facts)
    {
        int apologies = Fresh(facts, Technique.Apology), owning = Fresh(facts, Technique.Ownership);
        var deflections = All(facts, Technique.Blame) + All(facts, Technique.Defensive);
        var score = (apologies > 0 ? 40 : 0) + (apologies > 1 ? 10 : 0) + (owning > 0 ? 45 : 0) + (owning > 1 ? 15 : 0) - 20 * deflections;
        var note = $"{Times(apologies, "specific apology")} and {Times(owning, "statement")} of ownership";
        note += deflections > 0 ? $"; {Times(deflections, "blaming or defensive line")} pushed the problem away." : ".";
        return (score, note);
    }

    private static (double, string) Solutions(CallFacts facts)
    {
        var offers = Fresh(facts, Technique.Solution);
        var refusals = All(facts, Technique.Refusal);
        var score = offers switch { 0 => 0, 1 => 55, 2 => 75, _ => 85 };
        if (facts.Outcome == CallOutcome.Resolved)
        {
            score += 25;
        }
        score -= 15 * refusals;
        var note = offers == 0 ? "no concrete option or action was offered" : $"{Times(offers, "concrete option")} offered";
        note += facts.Outcome == CallOutcome.Resolved ? " and the issue was resolved" : "";
        note += refusals > 0 ? $"; {Times(refusals, "flat refusal")} with no alternative." : ".";
        return (score, note);
    }

    private static (double, string) Expectations(CallFacts facts)
    {
        int timelines = Fresh(facts, Technique.Expectation), checks = Fresh(facts, Technique.CheckSatisfaction);
        var score = 55 * Credit(timelines) + 45 * Credit(checks);
        var note = (timelines, checks) switch
        {
            (0, 0) => "the customer was not told what happens next, and nobody checked the answer worked for them.",
            (0, _) => "you checked the answer worked, but never said what happens next or when.",
            (_, 0) => "you set out what happens next, but never checked it worked for the customer.",
            _ => $"{Times(timelines, "clear next step")} and {Times(checks, "satisfaction check")}.",
        };
        return (score, note);
    }

    private static (double, string) ProfessionalTone(CallFacts facts)
    {
        Technique[] harms = [Technique.Blame, Technique.Dismissive, Technique.Defensive, Technique.Rude];
        var score = 100.0;
        var found = new List<string>();
        foreach (var harm in harms)
        {
            var uses = All(facts, harm);
            if (uses > 0)
            {
                score -= 25 + 12 * (uses - 1);
                found.Add($"{harm.ToId()} x{uses}");
            }
        }
        score -= Math.Min(30, 5 * facts.RepeatedLines);
        score -= 5 * facts.Moves.Count(m => m.Turn.Events.HasFlag(CallEvents.TalkOver));
        var note = found.Count == 0 ? "courteous throughout" : "harmful moves: " + string.Join(", ", found);
        note += facts.RepeatedLines > 0 ? $"; {Times(facts.RepeatedLines, "line")} repeated word for word." : ".";
        return (score, note);
    }

    private static (double, string) AvoidingCliches(CallFacts facts)
    {
        var cliches = All(facts, Technique.Cliche);
        var score = 100.0 - (cliches > 0 ? 25 + 15 * (cliches - 1) : 0) - Math.Min(30, 4 * facts.RepeatedLines);
        var note = cliches == 0 ? "no stock phrases" : $"{Times(cliches, "stock phrase")} that can sound hollow to an upset customer";
        note += facts.RepeatedLines > 0 ? ", and some lines were recited more than once." : ".";
        return (score, note);
    }

    private static (double, string) EarsFlow(CallFacts facts)
    {
        var stages = new (string Name, TraineeMove? First)[]
        {
            ("empathise", facts.First(Technique.Empathy)),
            ("apologise", new[] { facts.First(Technique.Apology), facts.First(Technique.Ownership) }.Where(m => m is not null).MinBy(m => m!.Index)),
            ("resolve", facts.First(Technique.Solution)),
            ("satisfy", facts.First(Technique.CheckSatisfaction)),
        };
        var present = stages.Where(s => s.First is not null).ToArray();
        var inOrder = present.Length >= 2 && present.Zip(present.Skip(1)).All(p => p.First.First!.Index <= p.Second.First!.Index);
        var score = 20 * present.Length + (inOrder ? 20 : 0);
        var missing = stages.Where(s => s.First is null).Select(s => s.Name).ToArray();
        var note = present.Length == 0
            ? "none of the four steps (empathise, apologise, resolve, satisfy) appeared."
            : $"{present.Length} of 4 steps{(inOrder ? ", in order" : present.Length >= 2 ? ", out of order" : "")}" +
              (missing.Length > 0 ? $"; missing: {string.Join(", ", missing)}." : ".");
        return (score, note);
    }

    private static (double, string) Boundaries(CallFacts facts)
    {
        var boundaries = Fresh(facts, Technique.Boundary);
        var retaliation = All(facts, Technique.Rude) + All(facts, Technique.Defensive);
        double score;
        string note;
        if (!facts.CustomerAbusive && boundaries == 0)
        {
            score = 80;
            note = "the customer never became abusive, so no boundary was needed";
        }
        else
        {
            score = boundaries switch { 0 => 20, 1 => 70, 2 => 85, _ => 100 };
            note = boundaries == 0 ? "the abuse was never named or limited" : $"{Times(boundaries, "calm boundary")} set";
        }
        if (facts.Outcome == CallOutcome.EndedByAgent)
        {
            var warned = facts.First(Technique.Boundary) is not null;
            score = warned ? score + 10 : Math.Min(score, 10);
            note += warned ? ", and the call was ended only after a warning" : ", and the call was ended without a warning";
        }
        score -= 25 * retaliation;
        note += retaliation > 0 ? $"; {Times(retaliation, "line")} answered back in kind." : ".";
        return (score, note);
    }

    private static (double, string) StayingOnTrack(CallFacts facts)
    {
        var redirects = Fresh(facts, Technique.Redirect);
        var score = redirects switch { 0 => 40.0, 1 => 75, _ => 90 };
        var keywords = (facts.Transcript.ScenarioKeywords ?? [])
            .Select(k => TextNormalizer.Normalize(k)).Where(k => k.Length > 0).ToArray();
        if (keywords.Length > 0)
        {
            var focused = facts.Moves.Count(m => keywords.Any(k => TextNormalizer.Normalize(m.Turn.Text).Contains(k, StringComparison.Ordinal)));
            score += 10.0 * focused / facts.Moves.Count;
        }
        if (facts.Outcome == CallOutcome.Resolved)
        {
            score += 10;
        }
        var note = redirects == 0 ? "tangents were never steered back to the problem" : $"{Times(redirects, "redirect")} back to the problem";
        return (score, note + (facts.Outcome == CallOutcome.Resolved ? ", and the issue got solved." : "."));
    }

    private static (double, string) Escalation(CallFacts facts)
    {
        var offer = facts.First(Technique.EscalationOffer);
        var triedFirst = facts.Moves.Any(m => (offer is null || m.Index < offer.Index)
            && (m.Techniques.Contains(Technique.Solution) || m.Techniques.Contains(Technique.Empathy) || m.Techniques.Contains(Technique.Apology)));
        var stuck = facts.PeakAnger >= 80 || facts.Moves.Count >= 4 && triedFirst;

        if (facts.Outcome == CallOutcome.Escalated)
        {
            var handoverAt = offer ?? facts.Moves[^1];
            if (handoverAt.Index <= 1 || handoverAt.AngerBefore < 50 && !stuck)
            {
                return (25, "the call was handed over before trying to resolve it; it looked resolvable.");
            }
            return stuck && triedFirst
                ? (90, "the call was handed over after real attempts, when the customer was beyond calming.")
                : (55, "the hand-over came with little tried first.");
        }
        if (offer is not null)
        {
            if (offer.Index == 0)
            {
                return (40, "a supervisor was offered as the very first move, before trying to help.");
            }
            return offer.AngerBefore >= 70 || triedFirst
                ? (85, "escalation was offered at a sensible point, after trying to help.")
                : (65, "escalation was offered early while the customer was still calm enough to help directly.");
        }
        if (facts.Outcome == CallOutcome.HungUp && facts.PeakAnger >= 80)
        {
            return (30, "the customer hung up furious without being offered a supervisor or specialist.");
        }
        return facts.Outcome == CallOutcome.Resolved
            ? (90, "no hand-over was needed: the call was resolved directly.")
            : (70, "no escalation was offered; none was clearly needed.");
    }

    private static (double, string) Generic(RubricCriterion criterion, CallFacts facts)
    {
        var earned = criterion.Evidence.Earns.Sum(t => Fresh(facts, t));
        var costs = criterion.Evidence.Costs.Sum(t => All(facts, t));
        var score = criterion.Evidence.Earns.Count == 0 ? 100 : 100 * (1 - Math.Pow(0.5, earned));
        score -= 20 * costs;
        return (score, $"{Times(earned, "helpful move")} and {Times(costs, "harmful move")} for this criterion.");
    }

    private static IReadOnlyList<EvidenceQuote> Evidence(RubricCriterion criterion, CallFacts facts)
    {
        var quotes = new List<EvidenceQuote>();
        foreach (var move in facts.Moves)
        {
            foreach (var technique in criterion.Evidence.Earns.Where(t => move.FreshTechniques.Contains(t)))
            {
                quotes.Add(new EvidenceQuote(move.Turn.Number, move.Seconds, SentenceOf(move.Turn, technique), technique.ToId(), true));
            }
            foreach (var technique in criterion.Evidence.Costs.Where(move.Techniques.Contains))
            {
                quotes.Add(new EvidenceQuote(move.Turn.Number, move.Seconds, SentenceOf(move.Turn, technique), technique.ToId(), false));
            }
        }
        // One quote per distinct line: a line said five times is shown once, with the count, and what it
        // cost comes before what it earned. Then keep the worst and the best, back in call order.
        var distinct = quotes
            .GroupBy(q => LineKey(q.Quote))
            .Select(g =>
            {
                var shown = g.OrderBy(q => q.Positive).ThenBy(q => q.TurnNumber).First();
                var times = g.Where(q => q.Positive == shown.Positive && q.Technique == shown.Technique).Select(q => q.TurnNumber).Distinct().Count();
                return shown with { Times = times };
            });
        return distinct.OrderBy(q => q.Positive).ThenBy(q => q.TurnNumber).Take(MaxEvidence).OrderBy(q => q.TurnNumber).ToArray();
    }

    // Word for word, ignoring case, punctuation and spacing: cheap, as it runs for every quote of every criterion.
    /// <summary>
    /// The sentence of the turn that earned (or cost) the technique, as said: in "Sorry, I'm here. A cancelled
    /// flight the night before the wedding, that's awful. What's your reference?" the empathy is the middle
    /// sentence, and quoting all three would not show the trainee which words did it. The whole turn when it
    /// is one sentence or the evidence cannot be placed.
    /// </summary>
    private static string SentenceOf(TranscriptTurn turn, Technique technique)
    {
        var sentences = Sentences.Split(turn.Text);
        var evidence = turn.Techniques.FirstOrDefault(m => m.Technique == technique)?.Evidence;
        if (sentences.Count <= 1 || string.IsNullOrWhiteSpace(evidence))
        {
            return turn.Text;
        }
        var wanted = TextNormalizer.Normalize(evidence);
        return sentences.FirstOrDefault(s => TextNormalizer.Normalize(s).Contains(wanted, StringComparison.Ordinal)) ?? turn.Text;
    }

    private static string LineKey(string text)
    {
        var key = new System.Text.StringBuilder(text.Length);
        var gap = false;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                gap = true;
                continue;
            }
            if (gap && key.Length > 0)
            {
                key.Append(' ');
            }
            key.Append(char.ToLowerInvariant(c));
            gap = false;
        }
        return key.ToString();
    }
}
