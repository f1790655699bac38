using System.Text.RegularExpressions;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Analysis;
using SimCaller.Core.Text;

namespace SimCaller.Evaluation.Debriefs;

/// <summary>
/// What the scorers need to know about a call, worked out once: each trainee move with the anger
/// around it, and which uses of a technique are new (a line said again, or the same phrase reused,
/// earns nothing the second time).
/// </summary>
internal sealed partial class CallFacts
{
    [GeneratedRegex(@"\b(profanity|idiot|moron|useless|stupid|incompetent|pathetic|clown|joke|muppet|imbecile|halfwit|dimwit|brainless|clueless)\b")]
    private static partial Regex Abuse();

    public CallFacts(CallTranscript transcript)
    {
        Transcript = transcript;
        var moves = new List<TraineeMove>();
        var earlierLines = new List<string>();
        var seenEvidence = new HashSet<(Technique, string)>();
        var turns = transcript.Turns;
        for (var i = 0; i < turns.Count; i++)
        {
            var turn = turns[i];
            if (turn.Speaker != Speaker.Trainee)
            {
                continue;
            }
            var before = i == 0 ? transcript.StartingAnger : turns[i - 1].Anger;
            // The customer's reply often carries the reaction; count it towards this move.
            var after = turn.Anger;
            for (var j = i + 1; j < turns.Count && turns[j].Speaker != Speaker.Trainee; j++)
            {
                after = turns[j].Anger;
            }

            // The customer's own rule, so the debrief never credits a line the customer heard as a repeat.
            var repeat = RepeatRule.IsRepeat(turn.Text, earlierLines);
            earlierLines.Add(turn.Text ?? "");
            var fresh = new HashSet<Technique>();
            foreach (var match in turn.Techniques ?? [])
            {
                if (!repeat && seenEvidence.Add((match.Technique, TextNormalizer.Normalize(match.Evidence))))
                {
                    fresh.Add(match.Technique);
                }
            }
            var techniques = (turn.Techniques ?? []).Select(m => m.Technique).ToHashSet();
            moves.Add(new TraineeMove(moves.Count, turn, turn.Seconds(transcript.StartedAt), techniques, fresh, repeat, before, after));
        }
        Moves = moves;
        CustomerAbusive = transcript.CustomerTurns.Any(t => Abuse().IsMatch(TextNormalizer.Normalize(t.Text)));
        PeakAnger = turns.Count == 0 ? transcript.StartingAnger : Math.Max(transcript.StartingAnger, turns.Max(t => t.Anger));
    }

    public CallTranscript Transcript { get; }

    public IReadOnlyList<TraineeMove> Moves { get; }

    /// <summary>True when the customer swore at or insulted the trainee.</summary>
    public bool CustomerAbusive { get; }

    public int PeakAnger { get; }

    public CallOutcome Outcome => Transcript.Outcome;

    /// <summary>Moves where the technique was used in a new way (not a repeated line, not a reused phrase).</summary>
    public IReadOnlyList<TraineeMove> FreshUses(Technique technique) =>
        Moves.Where(m => m.FreshTechniques.Contains(technique)).ToArray();

    /// <summary>Every move showing the technique, repeats included (harm counts every time).</summary>
    public IReadOnlyList<TraineeMove> AllUses(Technique technique) =>
        Moves.Where(m => m.Techniques.Contains(technique)).ToArray();

    public int RepeatedLines => Moves.Count(m => m.Repeat);

    public TraineeMove? First(Technique technique) => Moves.FirstOrDefault(m => m.Techniques.Contains(technique));

    /// <summary>The trainee's first reply after the customer first swore or insulted them; null when they never did.</summary>
    public TraineeMove? FirstReplyToAbuse()
    {
        var abuse = Transcript.CustomerTurns.FirstOrDefault(t => Abuse().IsMatch(TextNormalizer.Normalize(t.Text)));
        return abuse is null ? null : Moves.FirstOrDefault(m => m.Turn.Number > abuse.Number);
    }
}

/// <param name="Index">0-based among the trainee's moves.</param>
/// <param name="FreshTechniques">Techniques this move earns credit for (new phrasing, not a repeat).</param>
/// <param name="Repeat">An earlier trainee line said again (see <see cref="RepeatRule"/>).</param>
internal sealed record TraineeMove(
    int Index,
    TranscriptTurn Turn,
    double Seconds,
    IReadOnlySet<Technique> Techniques,
    IReadOnlySet<Technique> FreshTechniques,
    bool Repeat,
    int AngerBefore,
    int AngerAfter)
{
    public int Delta => AngerAfter - AngerBefore;
}
