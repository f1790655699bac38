using SimCaller.Core.Calls;

namespace SimCaller.Practice;

/// <summary>One thing the trainee said (or did not say).</summary>
/// <param name="Text">The trainee's words; empty or whitespace means silence.</param>
/// <param name="Events">Call events that came with the turn (talk-over, long hold, ...).</param>
/// <param name="RequestKey">Makes retries safe: a turn with a key already seen on this session is not applied again.</param>
public sealed record TraineeTurn(string Text, CallEvents Events = CallEvents.None, string? RequestKey = null);
