namespace SimCaller.Practice.Storage;

/// <summary>A stored debrief: the JSON document, its score for listings, and its link token.</summary>
public sealed record DebriefRecord(string SessionId, string Token, DateTimeOffset CreatedAt, double Score, string Json);
