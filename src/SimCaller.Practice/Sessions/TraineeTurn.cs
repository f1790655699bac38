using SimCaller.Core.Calls;

namespace SimCaller.Practice;

/// <summary>One thing the trainee said (or did not say).</summary>
/// <param name="Text">The trainee's words; empty or whitespace means silence.</param>
/// <param name="Events">Call events that came with the turn (talk-over, long hold, ...).</param>
/// <param name="RequestKey">Makes retries safe: a turn with a key already seen on this session is not applied again.</param>
/// <param name="HoldStartedAt">When the trainee put the customer on hold before these words; the hold lasts until
/// this turn, and how long it was decides how the customer takes it (persona patience.hold_ok_seconds, hold_hang_up_seconds).</param>
public sealed record TraineeTurn(string Text, CallEvents Events = CallEvents.None, string? RequestKey = null, DateTimeOffset? HoldStartedAt = null);
