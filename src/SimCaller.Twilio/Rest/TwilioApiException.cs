using System.Net;

namespace SimCaller.Twilio.Rest;

/// <summary>A REST call Twilio refused; <see cref="Code"/> is Twilio's error code (https://www.twilio.com/docs/api/errors).</summary>
public sealed class TwilioApiException(HttpStatusCode status, int? code, string message, string? moreInfo)
    : Exception(code is null ? $"Twilio API {(int)status}: {message}" : $"Twilio API {(int)status} (error {code}): {message}")
{
    public HttpStatusCode Status { get; } = status;
    public int? Code { get; } = code;
    public string TwilioMessage { get; } = message;
    public string? MoreInfo { get; } = moreInfo;
}
