namespace SimCaller.Practice;

/// <summary>A replay asked for that the call cannot give: a turn outside it, or no line to say.</summary>
public sealed class ReplayTurnException(string message) : PracticeException(message);
