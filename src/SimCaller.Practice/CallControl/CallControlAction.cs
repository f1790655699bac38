namespace SimCaller.Practice.CallControl;

/// <summary>A call-control move the trainee makes in words rather than with a button.</summary>
public enum CallControlAction
{
    None,
    /// <summary>The trainee puts the customer through to a supervisor or another team.</summary>
    Transfer,
    /// <summary>The trainee ends the call ("I'm ending this call now").</summary>
    EndCall,
}
