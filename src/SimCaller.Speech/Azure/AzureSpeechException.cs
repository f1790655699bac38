using System.Net;

namespace SimCaller.Speech.Azure;

/// <summary>The speech service refused a request (bad key, bad SSML, throttling).</summary>
public sealed class AzureSpeechException(HttpStatusCode status, string detail)
    : Exception($"Azure Speech {(int)status} {status}: {detail}")
{
    public HttpStatusCode Status { get; } = status;
}
