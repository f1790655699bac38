namespace SimCaller.Core.Calls;

/// <summary>How a practice call ended. JSON ids are snake_case (see <see cref="CallOutcomeIds"/>).</summary>
public enum CallOutcome
{
    /// <summary>The call has not ended.</summary>
    InProgress,
    /// <summary>The customer's need was met and they are satisfied.</summary>
    Resolved,
    /// <summary>The customer ran out of patience and hung up.</summary>
    HungUp,
    /// <summary>The trainee transferred the call to a supervisor.</summary>
    Escalated,
    /// <summary>The trainee ended the call on an abusive customer after a clear warning.</summary>
    EndedByAgent,
    /// <summary>The call ran past the scenario's time or turn limit.</summary>
    TimeLimit,
    /// <summary>The trainee left (closed the terminal, input ended, phone line dropped) mid-call.</summary>
    Abandoned,
}

public static class CallOutcomeIds
{
    public static string ToId(this CallOutcome outcome) => outcome switch
    {
        CallOutcome.InProgress => "in_progress",
        CallOutcome.Resolved => "resolved",
        CallOutcome.HungUp => "hung_up",
        CallOutcome.Escalated => "escalated",
        CallOutcome.EndedByAgent => "ended_by_agent",
        CallOutcome.TimeLimit => "time_limit",
        CallOutcome.Abandoned => "abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static bool TryParse(string? id, out CallOutcome outcome)
    {
        foreach (var candidate in Enum.GetValues<CallOutcome>())
        {
            if (string.Equals(candidate.ToId(), id?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                outcome = candidate;
                return true;
            }
        }
        outcome = default;
        return false;
    }
}
