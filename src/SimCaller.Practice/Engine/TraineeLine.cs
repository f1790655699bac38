using SimCaller.Core.Calls;

namespace SimCaller.Practice.Engine;

/// <summary>A trainee turn as the engine reads it, before analysis: see <see cref="TurnEngine.Read"/>.</summary>
/// <param name="Text">The trainee's words, trimmed; empty for silence.</param>
/// <param name="Events">The turn's call events, silence included when the words were empty.</param>
/// <param name="Hold">How long the customer was on hold before this line, when the trainee put them on hold.</param>
public sealed record TraineeLine(string Text, CallEvents Events, TimeSpan? Hold = null)
{
    public bool IsSilence => Events.HasFlag(CallEvents.Silence);

    /// <summary>Only words are analysed; a silence has nothing to label.</summary>
    public bool NeedsAnalysis => Text.Length > 0;
}
