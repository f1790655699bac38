namespace SimCaller.Core.Calls;

/// <summary>Things that happen on a call besides words; they move the customer's mood too.</summary>
[Flags]
public enum CallEvents
{
    None = 0,
    /// <summary>The trainee said nothing when it was their turn.</summary>
    Silence = 1,
    /// <summary>The trainee spoke over the customer (barge-in while the customer was talking).</summary>
    TalkOver = 2,
    /// <summary>The trainee put the customer on hold for a long time.</summary>
    LongHold = 4,
    /// <summary>The call has run past the persona's expected length.</summary>
    RunningLong = 8,
}

public static class CallEventIds
{
    public static IReadOnlyList<string> ToIds(this CallEvents events)
    {
        var ids = new List<string>();
        if (events.HasFlag(CallEvents.Silence)) ids.Add("silence");
        if (events.HasFlag(CallEvents.TalkOver)) ids.Add("talk_over");
        if (events.HasFlag(CallEvents.LongHold)) ids.Add("long_hold");
        if (events.HasFlag(CallEvents.RunningLong)) ids.Add("running_long");
        return ids;
    }
}
