using SimCaller.Accounts;

namespace SimCaller.Training;

/// <summary>Bad input to a review or assignment; the message says what to fix.</summary>
public class TrainingException(string message, RefusalKind kind = RefusalKind.BadInput) : RefusalException(kind, message);

/// <summary>No such session or assignment in the caller's organisation (another organisation's are reported the same way).</summary>
public sealed class TrainingNotFoundException(string message) : TrainingException(message, RefusalKind.NotFound);

/// <summary>The caller's role may not do this.</summary>
public sealed class TrainingAccessDeniedException(string message) : TrainingException(message, RefusalKind.Denied);
