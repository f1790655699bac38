namespace SimCaller.Persona.Voice;

/// <summary>
/// Writes the customer's next line. The session talks only to this; which chat completion service
/// (offline engine, OpenAI, Azure OpenAI, a local server) sits behind it is configuration.
/// </summary>
public interface ICustomerVoice
{
    Task<string> ReplyAsync(CustomerReplyRequest request, CancellationToken cancellationToken = default);

    /// <summary>The same line in pieces as the provider streams it (the offline engine yields it whole).</summary>
    IAsyncEnumerable<string> StreamReplyAsync(CustomerReplyRequest request, CancellationToken cancellationToken = default);
}
