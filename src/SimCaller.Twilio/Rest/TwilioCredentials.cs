namespace SimCaller.Twilio.Rest;

/// <summary>
/// Basic-auth credentials for the REST API: the account SID with its auth token, or an API key SID with
/// its secret (then <see cref="Username"/> differs from <see cref="AccountSid"/>).
/// </summary>
public sealed record TwilioCredentials(string AccountSid, string Secret, string? Username = null)
{
    public string User => Username ?? AccountSid;

    public override string ToString() => $"TwilioCredentials {{ AccountSid = {AccountSid} }}";
}
