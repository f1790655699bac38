using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Rubrics;

namespace SimCaller.Evaluation.Debriefs;

/// <summary>
/// Writes the debrief's three suggestions. Each points at a turn of this call and quotes it. Harmful
/// moves come first (the ones that angered the customer most), then repeated lines, then missing
/// moves, then polish for calls that went well. One suggestion per technique, and each at a different
/// turn whenever the call has enough turns: three pieces of advice about one line teach less than
/// three moments of the call.
/// </summary>
internal static class SuggestionWriter
{
    public const int Count = 3;

    /// <param name="Turns">Where the advice could point, best first (empty only for a call with no turns).</param>
    /// <param name="Stiffness">What moving the advice one place down its list costs: high when the advice is
    /// about that very line (an unanswered insult), low when it could have been done at any turn.</param>
    /// <param name="Write">The advice and example for the turn chosen.</param>
    private sealed record Candidate(double Priority, Technique Technique, IReadOnlyList<TranscriptTurn> Turns, double Stiffness,
        Func<TranscriptTurn?, BetterPhrasings.Coaching> Write);

    // How far down each candidate's list of turns the assignment looks; enough to spread three suggestions.
    private const int Options = 6;

    public static IReadOnlyList<Suggestion> Write(CallFacts facts, IReadOnlyList<RubricCriterion> active)
    {
        var coach = new BetterPhrasings(new ScenarioWording(facts.Transcript.Scenario, facts.Transcript.PersonaName));
        var candidates = new List<Candidate>();
        candidates.AddRange(Harms(facts, coach));
        candidates.AddRange(Repeats(facts, coach));
        candidates.AddRange(Missing(facts, active, coach));
        candidates.AddRange(Polish(facts, coach));
        var ordered = candidates.OrderByDescending(c => c.Priority).ToArray();

        // The most important advice first, each technique once, taking a candidate only while the three
        // can still sit at three different turns; when the call is too short for that, fill up anyway.
        var chosen = new List<Candidate>();
        foreach (var candidate in ordered)
        {
            if (chosen.Count < Count && chosen.All(c => c.Technique != candidate.Technique)
                && Assign([.. chosen, candidate]).Collisions == 0)
            {
                chosen.Add(candidate);
            }
        }
        foreach (var candidate in ordered)
        {
            if (chosen.Count < Count && chosen.All(c => c.Technique != candidate.Technique))
            {
                chosen.Add(candidate);
            }
        }

        chosen = [.. chosen.OrderByDescending(c => c.Priority)];
        var turns = Assign(chosen).Turns;
        return chosen
            .Select((c, i) =>
            {
                var turn = turns[i];
                var coaching = c.Write(turn);
                return new Suggestion(turn?.Number, turn?.Seconds(facts.Transcript.StartedAt), turn?.Text, c.Technique.ToId(),
                    turn is null ? coaching.Advice : $"At turn {turn.Number} ({Said(turn)}): {coaching.Advice}", coaching.Example);
            })
            .ToArray();
    }

    // Gives each candidate one of its turns: fewest shared turns first, then the least total cost of moving
    // advice away from its best turn; ties go to the more important advice keeping its best turn.
    private static (TranscriptTurn?[] Turns, int Collisions) Assign(IReadOnlyList<Candidate> chosen)
    {
        var options = chosen.Select(c => c.Turns.Count == 0 ? [null] : c.Turns.Take(Options).Cast<TranscriptTurn?>().ToArray()).ToArray();
        var pick = new int[chosen.Count];
        int[]? best = null;
        (int Collisions, double Cost) bestScore = (int.MaxValue, double.MaxValue);
        void Search(int i)
        {
            if (i == chosen.Count)
            {
                // At most three candidates: plain loops keep this search allocation-free.
                var collisions = 0;
                var cost = 0.0;
                for (var a = 0; a < pick.Length; a++)
                {
                    cost += pick[a] * chosen[a].Stiffness;
                    for (var b = 0; b < a; b++)
                    {
                        if (options[a][pick[a]] is { } x && options[b][pick[b]] is { } y && x.Number == y.Number)
                        {
                            collisions++;
                            break;
                        }
                    }
                }
                if (collisions < bestScore.Collisions || collisions == bestScore.Collisions && cost < bestScore.Cost - 1e-9)
                {
                    bestScore = (collisions, cost);
                    best = (int[])pick.Clone();
                }
                return;
            }
            for (var p = 0; p < options[i].Length; p++)
            {
                pick[i] = p;
                Search(i + 1);
            }
        }
        Search(0);
        return (best!.Select((p, k) => options[k][p]).ToArray(), bestScore.Collisions);
    }

    private static string Said(TranscriptTurn turn) =>
        string.IsNullOrWhiteSpace(turn.Text)
            ? turn.Speaker == Speaker.Trainee ? "you said nothing" : "the customer was silent"
            : $"{(turn.Speaker == Speaker.Trainee ? "you said" : "the customer said")} \"{Shorten(turn.Text)}\"";

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..87].TrimEnd() + "...";

    private static IEnumerable<Candidate> Harms(CallFacts facts, BetterPhrasings coach)
    {
        foreach (var harm in TechniqueIds.All.Where(t => t.IsHarmful()))
        {
            var uses = facts.AllUses(harm).OrderByDescending(m => m.Delta).ThenBy(m => m.Index).ToArray();
            if (uses.Length > 0)
            {
                yield return new Candidate(100 + Math.Max(0, uses[0].Delta), harm, uses.Select(m => m.Turn).ToArray(), 1,
                    turn => coach.ForHarm(harm, AsSaid(turn, turn?.Techniques.FirstOrDefault(m => m.Technique == harm)?.Evidence)));
            }
        }
    }

    // The analyser reports evidence in its normalised form ("i understand your frustration"); quote the
    // trainee's own spelling when the words can be found in the line.
    private static string? AsSaid(TranscriptTurn? turn, string? evidence)
    {
        if (turn is null || string.IsNullOrWhiteSpace(evidence))
        {
            return evidence;
        }
        var at = turn.Text.IndexOf(evidence, StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? turn.Text.Substring(at, evidence.Length) : evidence;
    }

    private static IEnumerable<Candidate> Repeats(CallFacts facts, BetterPhrasings coach)
    {
        var repeats = facts.Moves.Where(m => m.Repeat).ToArray();
        if (repeats.Length == 0)
        {
            yield break;
        }
        var technique = repeats[0].Techniques.Order().FirstOrDefault(Technique.Cliche);
        yield return new Candidate(95, technique, repeats.Select(m => m.Turn).ToArray(), 1, turn =>
        {
            var line = (turn ?? repeats[0].Turn).Text.Trim();
            var times = facts.Moves.Count(m => m.Turn.Text.Trim().Equals(line, StringComparison.OrdinalIgnoreCase));
            return new BetterPhrasings.Coaching(
                $"you said this {(times > 1 ? times + " times" : "again")}. The same line twice sounds scripted and earns nothing the second time; vary it and move the call forward.",
                coach.StepForward());
        });
    }

    private static IEnumerable<Candidate> Missing(CallFacts facts, IReadOnlyList<RubricCriterion> active, BetterPhrasings coach)
    {
        if (facts.Moves.Count == 0)
        {
            // Every piece of advice is about the first moment a reply was due.
            TranscriptTurn[] customerTurns = facts.Transcript.CustomerTurns.FirstOrDefault() is { } opening ? [opening] : [];
            foreach (var (technique, priority) in new[] { (Technique.Empathy, 80.0), (Technique.Paraphrase, 70.0), (Technique.Solution, 60.0) })
            {
                yield return new Candidate(priority, technique, customerTurns, 1, turn =>
                {
                    var coaching = coach.ForMissing(technique);
                    return coaching with
                    {
                        Advice = (turn is null ? "The call had no turns at all. " : "there was no reply. ") + coaching.Advice,
                    };
                });
            }
            yield break;
        }

        var first = facts.Moves[0];
        var last = facts.Moves[^1];
        var angriest = facts.Moves.OrderByDescending(m => m.AngerBefore).ThenBy(m => m.Index).First();
        var isActive = (string id) => active.Any(c => c.Id == id);
        Candidate Gap(Technique technique, double priority, TraineeMove at, string what, double stiffness = 1) =>
            new(priority, technique, Around(facts, at), stiffness, _ =>
            {
                var coaching = coach.ForMissing(technique);
                return coaching with { Advice = $"{what} {coaching.Advice}" };
            });

        if (facts.First(Technique.Empathy) is null)
        {
            yield return Gap(Technique.Empathy, 80, angriest, "you moved on without acknowledging how the customer felt.");
        }
        if (facts.First(Technique.Solution) is null && facts.Outcome != CallOutcome.Resolved)
        {
            yield return Gap(Technique.Solution, 78, angriest, "no concrete option was on the table.");
        }
        if (isActive(CriterionIds.Boundaries) && facts.CustomerAbusive && facts.First(Technique.Boundary) is null)
        {
            var afterAbuse = facts.FirstReplyToAbuse() ?? last;
            yield return Gap(Technique.Boundary, 76, afterAbuse, "the abuse went unaddressed.", stiffness: 4);
        }
        if (facts.Outcome == CallOutcome.EndedByAgent && facts.First(Technique.Boundary) is null)
        {
            yield return Gap(Technique.Boundary, 90, last, "the call was ended without first warning the customer.", stiffness: 4);
        }
        var offer = facts.First(Technique.EscalationOffer);
        if (offer is { Index: 0 } || facts.Outcome == CallOutcome.Escalated && last.Index <= 1)
        {
            var at = offer ?? last;
            yield return new Candidate(85, Technique.EscalationOffer, [at.Turn], 1, _ => new(
                "you reached for a supervisor before trying to help yourself. Try empathy and a concrete option first; escalate when you are genuinely stuck.",
                "\"Let me see what I can do for you first. If I can't fix it, I'll bring in my team leader.\""));
        }
        if (offer is null && facts.Outcome == CallOutcome.HungUp && facts.PeakAnger >= 80)
        {
            yield return Gap(Technique.EscalationOffer, 74, last, "the customer was furious and hung up without being offered anyone more senior.", stiffness: 2);
        }
        if (isActive(CriterionIds.StayingOnTrack) && facts.First(Technique.Redirect) is null)
        {
            yield return Gap(Technique.Redirect, 72, facts.Moves.Count > 1 ? facts.Moves[1] : first, "the conversation was left to drift.");
        }
        if (facts.First(Technique.Paraphrase) is null)
        {
            yield return Gap(Technique.Paraphrase, 66, first, "the problem was never played back to the customer.");
        }
        if (facts.First(Technique.Apology) is null && facts.First(Technique.Ownership) is null)
        {
            yield return Gap(Technique.Ownership, 64, first, "nobody took the problem on.");
        }
        var solution = facts.First(Technique.Solution);
        if (facts.First(Technique.Expectation) is null)
        {
            yield return Gap(Technique.Expectation, 60, solution ?? last, "the customer was not told what happens next.", stiffness: 2);
        }
        if (facts.First(Technique.CheckSatisfaction) is null)
        {
            yield return Gap(Technique.CheckSatisfaction, 56, solution ?? last, "you did not check the answer worked for them.", stiffness: 2);
        }
        if (facts.First(Technique.ClarifyingQuestion) is null)
        {
            yield return Gap(Technique.ClarifyingQuestion, 50, first, "no question established the facts.");
        }
    }

    // For calls with little left to fix: sharpen what was already there, or add the finishing touch.
    private static IEnumerable<Candidate> Polish(CallFacts facts, BetterPhrasings coach)
    {
        if (facts.Moves.Count == 0)
        {
            yield break;
        }
        var first = facts.Moves[0];
        var last = facts.Moves[^1];
        var offered = facts.First(Technique.Solution);
        var solution = offered ?? last;
        // Advice about what a line did well ("good recap") belongs to that line only; advice to add
        // something could sit at any nearby turn.
        Candidate Polished(double priority, Technique technique, TraineeMove at, bool aboutThisLine, string advice) =>
            new(priority, technique, aboutThisLine ? [at.Turn] : Around(facts, at), 1, _ => new(advice, coach.Polish(technique)));

        var empathy = facts.First(Technique.Empathy);
        yield return Polished(30, Technique.Empathy, empathy ?? first, empathy is { Index: 0 },
            empathy is { Index: 0 }
                ? "good start. Make the acknowledgement even more specific by naming the detail that hurts most."
                : "open with the acknowledgement in your very first reply; it lowers the temperature before anything else.");

        yield return Polished(25, Technique.Solution, solution, offered is not null,
            "where you can, offer two options rather than one, so the customer chooses and feels back in control.");

        var paraphrase = facts.First(Technique.Paraphrase);
        yield return Polished(20, Technique.Paraphrase, paraphrase ?? first, paraphrase is not null,
            paraphrase is null
                ? "a one-line recap of the problem before solving it makes the customer feel heard and catches misunderstandings."
                : "good recap. Include what they want to happen, not only what went wrong, so the fix aims at the right target.");

        var expectation = facts.First(Technique.Expectation);
        yield return Polished(expectation is null ? 18 : 12, Technique.Expectation, expectation ?? solution, expectation is not null,
            expectation is null
                ? "pair the fix with an exact time and the next step, so the customer can stop worrying about it."
                : "add what the customer should do if it does not happen, so they are never left waiting without a plan.");

        var check = facts.First(Technique.CheckSatisfaction);
        yield return Polished(check is null ? 16 : 10, Technique.CheckSatisfaction, check ?? last, check is not null,
            check is null
                ? "close by checking the whole concern is settled, not just the part you fixed."
                : "make the closing check open, so anything still worrying them comes out now rather than on a second call.");

        if (facts.First(Technique.Ownership) is null)
        {
            yield return Polished(14, Technique.Ownership, solution, false, "say that you personally will see it through; it turns a fix into a promise.");
        }
        if (facts.First(Technique.Gratitude) is null)
        {
            yield return Polished(8, Technique.Gratitude, first, false,
                "thank the customer for their patience or for raising it; it recognises what the call cost them.");
        }
    }

    // The best turn for the advice first, then its neighbours: a nearby turn is the next best place to
    // have done it (later before earlier at the same distance).
    private static IReadOnlyList<TranscriptTurn> Around(CallFacts facts, TraineeMove best) =>
        facts.Moves
            .OrderBy(m => Math.Abs(m.Index - best.Index))
            .ThenByDescending(m => m.Index)
            .Select(m => m.Turn)
            .ToArray();
}
