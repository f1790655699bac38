namespace SimCaller.Practice;

/// <summary>Why a channel ends a call from outside the conversation itself.</summary>
public enum EndReason
{
    /// <summary>The trainee went away mid-call (input ended, window closed, line dropped).</summary>
    Abandoned,
    /// <summary>The trainee hung up; on an abusive caller after a warning this is a legitimate end.</summary>
    AgentHungUp,
    /// <summary>The customer's side of the line went away.</summary>
    CustomerHungUp,
    /// <summary>The trainee transferred the call to a supervisor.</summary>
    Transferred,
    /// <summary>The channel's time limit ran out.</summary>
    TimeUp,
    /// <summary>The conversation reached its own end; the outcome the mood machine reached stands.</summary>
    Completed,
}
