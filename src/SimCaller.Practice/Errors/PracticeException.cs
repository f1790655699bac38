namespace SimCaller.Practice;

/// <summary>A request the practice session cannot honour; the message is meant for the user.</summary>
public class PracticeException : Exception
{
    public PracticeException(string message)
        : base(message)
    {
    }

    public PracticeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
