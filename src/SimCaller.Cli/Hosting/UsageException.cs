namespace SimCaller.Cli.Hosting;

/// <summary>The user asked for something that cannot work as given; the message says what to change.</summary>
public sealed class UsageException(string message) : Exception(message);
