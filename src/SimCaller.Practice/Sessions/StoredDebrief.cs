using SimCaller.Evaluation.Debriefs;

namespace SimCaller.Practice;

/// <summary>A debrief as kept after the call, reachable by session id or by its link token.</summary>
public sealed record StoredDebrief(string SessionId, string Token, DateTimeOffset CreatedAt, Debrief Debrief);
