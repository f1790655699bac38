using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;

namespace SimCaller.Evaluation.Debriefs;

/// <summary>Picks the trainee moves that moved the customer's anger most, up and down.</summary>
internal static class KeyMomentFinder
{
    private const int PerDirection = 3;

    public static IReadOnlyList<KeyMoment> Find(CallFacts facts)
    {
        var rises = facts.Moves.Where(m => m.Delta > 0).OrderByDescending(m => m.Delta).ThenBy(m => m.Index).Take(PerDirection);
        var falls = facts.Moves.Where(m => m.Delta < 0).OrderBy(m => m.Delta).ThenBy(m => m.Index).Take(PerDirection);
        return rises.Concat(falls)
            .OrderBy(m => m.Index)
            .Select(m => new KeyMoment(m.Turn.Number, m.Seconds, m.Delta > 0 ? "rise" : "fall", m.Delta,
                m.AngerBefore, m.AngerAfter, Move(m), m.Turn.Text))
            .ToArray();
    }

    // Name the move that explains the direction: harmful labels for a rise, helpful ones for a fall.
    private static string Move(TraineeMove move)
    {
        var relevant = move.Techniques
            .Where(t => move.Delta > 0 ? t.IsHarmful() : t.IsHelpful())
            .Order()
            .Select(t => t.ToId())
            .ToList();
        relevant.AddRange(move.Turn.Events.ToIds());
        if (move.Repeat && move.Delta > 0)
        {
            relevant.Add("repeated line");
        }
        if (relevant.Count == 0)
        {
            relevant.Add(move.Delta > 0 ? "no helpful move" : "no labelled move");
        }
        return string.Join(", ", relevant);
    }
}
