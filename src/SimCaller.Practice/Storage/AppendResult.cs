namespace SimCaller.Practice.Storage;

/// <summary>What happened to an <see cref="ISessionStore.AppendTurnsAsync"/> call.</summary>
public enum AppendResult
{
    Appended,
    /// <summary>Another turn got there first, or the session has ended: nothing was written.</summary>
    Conflict,
    /// <summary>The request key was used before on this session: nothing was written.</summary>
    DuplicateRequest,
}
