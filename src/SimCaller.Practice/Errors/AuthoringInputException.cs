namespace SimCaller.Practice;

/// <summary>A persona tool (try, coverage) was given input it cannot use: no words, an anger outside 0-100, no calls to play.</summary>
public sealed class AuthoringInputException(string message) : PracticeException(message);
