using SimCaller.Core.Calls;
using SimCaller.Evaluation.Debriefs;

namespace SimCaller.Practice;

/// <summary>A finished call with its debrief.</summary>
/// <param name="DebriefToken">Unguessable token for sharing the debrief as a link.</param>
public sealed record SessionEnded(string SessionId, CallOutcome Outcome, Debrief Debrief, string DebriefToken);
