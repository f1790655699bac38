using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using SimCaller.Twilio.Security;

namespace SimCaller.Benchmarks.Infrastructure;

/// <summary>
/// One phone call as Twilio drives it: signed form posts to the voice webhook and to each turn's Gather
/// action (/twilio/turn?n=...), with the parameters Twilio sends.
/// </summary>
public sealed class PhoneCall(HttpClient http)
{
    private const string From = "+15551231212";

    public string CallSid { get; } = "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The call comes in on the traveller's number; the session starts and the customer opens.</summary>
    public Task DialAsync(CancellationToken ct = default) => PostAsync("/twilio/voice", Form("ringing"), ct);

    /// <summary>The call comes in on a relay-mode service: the answer hands the call to ConversationRelay.</summary>
    public Task DialRelayAsync(CancellationToken ct = default) => PostAsync("/twilio/voice", Form("ringing"), ct, expect: "<ConversationRelay");

    /// <summary>Speech for trainee turn <paramref name="n"/> (1-based), as Twilio posts a speech Gather's result.</summary>
    public Task SayAsync(int n, string speech, CancellationToken ct = default)
    {
        var form = Form("in-progress");
        form["SpeechResult"] = speech;
        form["Confidence"] = "0.9187";
        return PostAsync("/twilio/turn?n=" + n.ToString(CultureInfo.InvariantCulture), form, ct);
    }

    private async Task PostAsync(string pathAndQuery, Dictionary<string, string> form, CancellationToken ct, string expect = "<Gather")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(SimCallerServer.AuthToken, SimCallerServer.PublicBaseUrl + pathAndQuery, form));
        using var response = await http.SendAsync(request, ct);
        var twiml = await response.Content.ReadAsStringAsync(ct);
        // A refused or failed webhook, or a call that hung up, would measure something other than a turn.
        if (response.StatusCode != HttpStatusCode.OK || !twiml.Contains(expect, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"POST {pathAndQuery} for {CallSid} answered {(int)response.StatusCode} without {expect}: {twiml}");
        }
    }

    private Dictionary<string, string> Form(string status) => new()
    {
        ["AccountSid"] = SimCallerServer.AccountSid,
        ["ApiVersion"] = "2010-04-01",
        ["CallSid"] = CallSid,
        ["CallStatus"] = status,
        ["Direction"] = "inbound",
        ["From"] = From,
        ["To"] = SimCallerServer.TravelerLine,
        ["Caller"] = From,
        ["Called"] = SimCallerServer.TravelerLine,
        ["FromCountry"] = "US",
        ["ToCountry"] = "US",
    };
}
