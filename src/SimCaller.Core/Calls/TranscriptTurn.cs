using SimCaller.Core.Techniques;

namespace SimCaller.Core.Calls;

/// <summary>One line of a call, as stored and as scored.</summary>
/// <param name="Number">1-based position in the call.</param>
/// <param name="At">When the line was said.</param>
/// <param name="Anger">The customer's anger 0-100 after this turn.</param>
/// <param name="Mood">The mood state after this turn (calm, annoyed, frustrated, angry, furious).</param>
/// <param name="Techniques">Techniques found (trainee turns only; empty for the customer).</param>
/// <param name="Events">Call events that came with this turn (silence, talk-over, ...).</param>
public sealed record TranscriptTurn(
    int Number,
    DateTimeOffset At,
    Speaker Speaker,
    string Text,
    int Anger,
    string Mood,
    IReadOnlyList<TechniqueMatch> Techniques,
    CallEvents Events = CallEvents.None)
{
    /// <summary>Seconds since the call started; filled by the transcript.</summary>
    public double Seconds(DateTimeOffset callStart) => Math.Max(0, (At - callStart).TotalSeconds);
}
