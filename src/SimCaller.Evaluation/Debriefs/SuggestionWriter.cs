using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Rubrics;

namespace SimCaller.Evaluation.Debriefs;

/// <summary>
/// Writes the debrief's three suggestions. Each points at a turn of this call and quotes it. Harmful
/// moves come first (the ones that angered the customer most), then repeated lines, then missing
/// moves, then polish for calls that went well. One suggestion per technique.
/// </summary>
internal static class SuggestionWriter
{
    public const int Count = 3;

    private sealed record Candidate(double Priority, Technique Technique, TranscriptTurn? Turn, double? Seconds, string Advice, string Example);

    public static IReadOnlyList<Suggestion> Write(CallFacts facts, IReadOnlyList<RubricCriterion> active)
    {
        var candidates = new List<Candidate>();
        candidates.AddRange(Harms(facts));
        candidates.AddRange(Repeats(facts));
        candidates.AddRange(Missing(facts, active));
        candidates.AddRange(Polish(facts));

        var chosen = new List<Candidate>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Priority))
        {
            if (chosen.Count == Count)
            {
                break;
            }
            if (chosen.All(c => c.Technique != candidate.Technique))
            {
                chosen.Add(candidate);
            }
        }
        return chosen
            .Select(c => new Suggestion(c.Turn?.Number, c.Seconds, c.Turn?.Text, c.Technique.ToId(),
                c.Turn is null ? c.Advice : $"At turn {c.Turn.Number} ({Said(c.Turn)}): {c.Advice}", c.Example))
            .ToArray();
    }

    private static string Said(TranscriptTurn turn) =>
        $"{(turn.Speaker == Speaker.Trainee ? "you said" : "the customer said")} \"{Shorten(turn.Text)}\"";

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..87].TrimEnd() + "...";

    private static IEnumerable<Candidate> Harms(CallFacts facts)
    {
        foreach (var harm in TechniqueIds.All.Where(t => t.IsHarmful()))
        {
            var worst = facts.AllUses(harm).OrderByDescending(m => m.Delta).ThenBy(m => m.Index).FirstOrDefault();
            if (worst is not null)
            {
                var coaching = BetterPhrasings.ForHarm(harm);
                yield return new Candidate(100 + Math.Max(0, worst.Delta), harm, worst.Turn, worst.Seconds, coaching.Advice, coaching.Example);
            }
        }
    }

    private static IEnumerable<Candidate> Repeats(CallFacts facts)
    {
        var repeat = facts.Moves.FirstOrDefault(m => m.Repeat);
        if (repeat is null)
        {
            yield break;
        }
        var times = facts.Moves.Count(m => m.Turn.Text.Trim().Equals(repeat.Turn.Text.Trim(), StringComparison.OrdinalIgnoreCase));
        var technique = repeat.Techniques.Order().FirstOrDefault(Technique.Cliche);
        yield return new Candidate(95, technique, repeat.Turn, repeat.Seconds,
            $"you said this {(times > 1 ? times + " times" : "again")}. The same line twice sounds scripted and earns nothing the second time; vary it and move the call forward.",
            "Follow an acknowledgement with a step: \"...and here's what I'll do about it right now.\"");
    }

    private static IEnumerable<Candidate> Missing(CallFacts facts, IReadOnlyList<RubricCriterion> active)
    {
        if (facts.Moves.Count == 0)
        {
            var customer = facts.Transcript.CustomerTurns.FirstOrDefault();
            var seconds = customer?.Seconds(facts.Transcript.StartedAt);
            foreach (var (technique, priority) in new[] { (Technique.Empathy, 80.0), (Technique.Paraphrase, 70.0), (Technique.Solution, 60.0) })
            {
                var coaching = BetterPhrasings.ForMissing(technique);
                var advice = customer is null
                    ? "The call had no turns at all. " + coaching.Advice
                    : "there was no reply. " + coaching.Advice;
                yield return new Candidate(priority, technique, customer, seconds, advice, coaching.Example);
            }
            yield break;
        }

        var first = facts.Moves[0];
        var last = facts.Moves[^1];
        var angriest = facts.Moves.OrderByDescending(m => m.AngerBefore).ThenBy(m => m.Index).First();
        var isActive = (string id) => active.Any(c => c.Id == id);

        if (facts.First(Technique.Empathy) is null)
        {
            yield return Missing(Technique.Empathy, 80, angriest, "you moved on without acknowledging how the customer felt.");
        }
        if (facts.First(Technique.Solution) is null && facts.Outcome != CallOutcome.Resolved)
        {
            yield return Missing(Technique.Solution, 78, angriest, "no concrete option was on the table.");
        }
        if (isActive(CriterionIds.Boundaries) && facts.CustomerAbusive && facts.First(Technique.Boundary) is null)
        {
            var afterAbuse = facts.Moves.FirstOrDefault(m => m.AngerBefore >= 60) ?? first;
            yield return Missing(Technique.Boundary, 76, afterAbuse, "the abuse went unaddressed.");
        }
        if (facts.Outcome == CallOutcome.EndedByAgent && facts.First(Technique.Boundary) is null)
        {
            yield return Missing(Technique.Boundary, 90, last, "the call was ended without first warning the customer.");
        }
        var offer = facts.First(Technique.EscalationOffer);
        if (offer is { Index: 0 } || facts.Outcome == CallOutcome.Escalated && last.Index <= 1)
        {
            var at = offer ?? last;
            yield return new Candidate(85, Technique.EscalationOffer, at.Turn, at.Seconds,
                "you reached for a supervisor before trying to help yourself. Try empathy and a concrete option first; escalate when you are genuinely stuck.",
                "\"Let me see what I can do for you first. If I can't fix it, I'll bring in my team leader.\"");
        }
        if (offer is null && facts.Outcome == CallOutcome.HungUp && facts.PeakAnger >= 80)
        {
            yield return Missing(Technique.EscalationOffer, 74, last, "the customer was furious and hung up without being offered anyone more senior.");
        }
        if (isActive(CriterionIds.StayingOnTrack) && facts.First(Technique.Redirect) is null)
        {
            yield return Missing(Technique.Redirect, 72, facts.Moves.Count > 1 ? facts.Moves[1] : first, "the conversation was left to drift.");
        }
        if (facts.First(Technique.Paraphrase) is null)
        {
            yield return Missing(Technique.Paraphrase, 66, first, "the problem was never played back to the customer.");
        }
        if (facts.First(Technique.Apology) is null && facts.First(Technique.Ownership) is null)
        {
            yield return Missing(Technique.Ownership, 64, first, "nobody took the problem on.");
        }
        var solution = facts.First(Technique.Solution);
        if (facts.First(Technique.Expectation) is null)
        {
            yield return Missing(Technique.Expectation, 60, solution ?? last, "the customer was not told what happens next.");
        }
        if (facts.First(Technique.CheckSatisfaction) is null)
        {
            yield return Missing(Technique.CheckSatisfaction, 56, solution ?? last, "you did not check the answer worked for them.");
        }
        if (facts.First(Technique.ClarifyingQuestion) is null)
        {
            yield return Missing(Technique.ClarifyingQuestion, 50, first, "no question pinned down the facts.");
        }
    }

    private static Candidate Missing(Technique technique, double priority, TraineeMove at, string what)
    {
        var coaching = BetterPhrasings.ForMissing(technique);
        return new Candidate(priority, technique, at.Turn, at.Seconds, $"{what} {coaching.Advice}", coaching.Example);
    }

    // For calls with little left to fix: sharpen what was already there, or add the finishing touch.
    private static IEnumerable<Candidate> Polish(CallFacts facts)
    {
        if (facts.Moves.Count == 0)
        {
            yield break;
        }
        var first = facts.Moves[0];
        var last = facts.Moves[^1];
        var solution = facts.First(Technique.Solution) ?? last;

        var empathy = facts.First(Technique.Empathy);
        yield return Polished(30, Technique.Empathy, empathy ?? first,
            empathy is { Index: 0 }
                ? "good start. Make the acknowledgement even more specific by naming the detail that hurts most."
                : "open with the acknowledgement in your very first reply; it lowers the temperature before anything else.",
            "\"The night before the wedding, of all nights. I'd be beside myself too.\"");

        yield return Polished(25, Technique.Solution, solution,
            "where you can, offer two options rather than one, so the customer chooses and feels back in control.",
            "\"I can rebook you on the first flight, or refund you today so you can book your own. Which suits you better?\"");

        var paraphrase = facts.First(Technique.Paraphrase);
        yield return Polished(20, Technique.Paraphrase, paraphrase ?? first,
            paraphrase is null
                ? "a one-line recap of the problem before solving it makes the customer feel heard and catches misunderstandings."
                : "good recap. Include what they want to happen, not only what went wrong, so the fix aims at the right target.",
            "\"So the order arrived damaged, and what you need is a replacement before Saturday, is that right?\"");

        var expectation = facts.First(Technique.Expectation);
        yield return Polished(expectation is null ? 18 : 12, Technique.Expectation, expectation ?? solution,
            expectation is null
                ? "pair the fix with an exact time and the next step, so the customer can stop worrying about it."
                : "add what the customer should do if it does not happen, so they are never left waiting without a plan.",
            "\"You'll get the confirmation within ten minutes; if it hasn't arrived by then, call back and quote this reference.\"");

        var check = facts.First(Technique.CheckSatisfaction);
        yield return Polished(check is null ? 16 : 10, Technique.CheckSatisfaction, check ?? last,
            check is null
                ? "close by checking the whole concern is settled, not just the part you fixed."
                : "make the closing check open, so anything still worrying them comes out now rather than on a second call.",
            "\"Is there anything else about this that's still on your mind?\"");

        if (facts.First(Technique.Ownership) is null)
        {
            yield return Polished(14, Technique.Ownership, solution,
                "say that you personally will see it through; it turns a fix into a promise.",
                "\"I'll keep an eye on this myself until it's done.\"");
        }
        if (facts.First(Technique.Gratitude) is null)
        {
            yield return Polished(8, Technique.Gratitude, first,
                "thank the customer for their patience or for raising it; it recognises what the call cost them.",
                "\"Thanks for bearing with me while I sorted that out.\"");
        }
    }

    private static Candidate Polished(double priority, Technique technique, TraineeMove at, string advice, string example) =>
        new(priority, technique, at.Turn, at.Seconds, advice, example);
}
