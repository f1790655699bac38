using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using SimCaller.Twilio.Security;

namespace SimCaller.Api.Tests.Infrastructure;

/// <summary>
/// Plays Twilio's part of a phone call over HTTP: signed form posts to the webhooks, then follows the
/// TwiML that comes back (Gather actions, Redirects) until the call hangs up or dials out.
/// Every loop here is bounded.
/// </summary>
public sealed class TwilioCallSimulator
{
    private const int MaxRedirects = 5;

    private HttpClient _http;
    private readonly string _authToken;
    private readonly string _publicBase;

    public TwilioCallSimulator(HttpClient http, string from = "+15551231212", string to = "+15557770000",
        string authToken = SimCallerApp.AuthToken, string publicBase = SimCallerApp.PublicBaseUrl)
    {
        _http = http;
        _authToken = authToken;
        _publicBase = publicBase;
        From = from;
        To = to;
        CallSid = "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    }

    public string CallSid { get; }
    public string From { get; }
    public string To { get; }

    /// <summary>The last TwiML document received.</summary>
    public XElement? Twiml { get; private set; }

    /// <summary>Everything said or played to the trainee, in order (Say text, or "[play] url").</summary>
    public List<string> Heard { get; } = [];

    /// <summary>Every webhook URL posted (path and query), in order.</summary>
    public List<string> Posted { get; } = [];

    public bool HungUp { get; private set; }
    public string? DialledNumber { get; private set; }
    public bool IsOver => HungUp || DialledNumber is not null;

    /// <summary>The Gather Twilio is currently listening on, if any.</summary>
    public XElement? Gather => Twiml?.Element("Gather");

    /// <summary>Moves the rest of the call to another server instance (same store).</summary>
    public void SwitchTo(HttpClient http) => _http = http;

    public Task<XElement> DialAsync() => PostAndFollowAsync("/twilio/voice", CallForm("ringing"));

    /// <summary>The trainee speaks (null or empty is silence, as Twilio posts with actionOnEmptyResult).</summary>
    public Task<XElement> SayAsync(string? speech)
    {
        var action = RequireGatherAction();
        var form = CallForm("in-progress");
        if (!string.IsNullOrEmpty(speech))
        {
            form["SpeechResult"] = speech;
            form["Confidence"] = "0.91";
        }
        return PostAndFollowAsync(action, form);
    }

    public Task<XElement> PressAsync(string digits)
    {
        var action = RequireGatherAction();
        var form = CallForm("in-progress");
        form["Digits"] = digits;
        return PostAndFollowAsync(action, form);
    }

    /// <summary>Posts the current Gather again with the same speech, as Twilio does when a webhook times out.</summary>
    public async Task<(XElement First, XElement Retry)> SayTwiceAsync(string speech)
    {
        var action = RequireGatherAction();
        var form = CallForm("in-progress");
        form["SpeechResult"] = speech;
        var first = await PostAsync(action, form);
        var retry = await PostAsync(action, form);
        Apply(retry);
        return (first, retry);
    }

    /// <summary>
    /// Posts one webhook <paramref name="copies"/> times at once, as when Twilio retries a request the
    /// server has not answered yet; returns each raw answer. The call's state is left as it was.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Body)[]> PostConcurrentlyAsync(string pathAndQuery, IDictionary<string, string> form, int copies)
    {
        var target = ToPathAndQuery(pathAndQuery);
        return await Task.WhenAll(Enumerable.Range(0, copies).Select(async _ =>
        {
            using var response = await SendAsync(target, form);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }));
    }

    /// <summary>Twilio's status callback (completed, busy, no-answer, ...).</summary>
    public async Task<HttpStatusCode> StatusAsync(string callStatus, string? signatureOverride = null)
    {
        var form = CallForm(callStatus);
        if (callStatus == "completed") form["CallDuration"] = "42";
        using var response = await SendAsync("/twilio/status", form, signatureOverride);
        return response.StatusCode;
    }

    /// <summary>Sends one signed (or deliberately mis-signed) post and returns the raw response.</summary>
    public async Task<HttpResponseMessage> SendAsync(string pathAndQuery, IDictionary<string, string> form, string? signatureOverride = null)
    {
        lock (Posted) Posted.Add(pathAndQuery);
        var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        var signature = signatureOverride ?? TwilioSignature.Compute(_authToken, _publicBase + pathAndQuery, form);
        if (signature.Length > 0) request.Headers.Add(TwilioSignature.HeaderName, signature);
        return await _http.SendAsync(request);
    }

    public Dictionary<string, string> CallForm(string status) => new()
    {
        ["AccountSid"] = SimCallerApp.AccountSid,
        ["ApiVersion"] = "2010-04-01",
        ["CallSid"] = CallSid,
        ["CallStatus"] = status,
        ["Direction"] = "inbound",
        ["From"] = From,
        ["To"] = To,
        ["Caller"] = From,
        ["Called"] = To,
    };

    private string RequireGatherAction()
    {
        if (IsOver) throw new InvalidOperationException("The call is over; nothing is listening.");
        var gather = Gather ?? throw new InvalidOperationException("No <Gather> in the last TwiML: " + Twiml);
        return (string?)gather.Attribute("action") ?? throw new InvalidOperationException("<Gather> without action: " + gather);
    }

    public async Task<XElement> PostAndFollowAsync(string pathAndQuery, Dictionary<string, string> form)
    {
        var twiml = await PostAsync(pathAndQuery, form);
        Apply(twiml);
        for (var i = 0; i < MaxRedirects && twiml.Element("Redirect") is { } redirect && twiml.Element("Gather") is null && !IsOver; i++)
        {
            twiml = await PostAsync(redirect.Value.Trim(), CallForm("in-progress"));
            Apply(twiml);
        }
        return twiml;
    }

    private async Task<XElement> PostAsync(string pathAndQuery, Dictionary<string, string> form)
    {
        using var response = await SendAsync(ToPathAndQuery(pathAndQuery), form);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"POST {pathAndQuery} answered {(int)response.StatusCode}: {body}");
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType?.ToString());
        return XDocument.Parse(body).Root!;
    }

    private string ToPathAndQuery(string url) =>
        url.StartsWith(_publicBase, StringComparison.Ordinal) ? url[_publicBase.Length..] : url;

    private void Apply(XElement twiml)
    {
        Twiml = twiml;
        foreach (var element in twiml.Descendants())
        {
            switch (element.Name.LocalName)
            {
                case "Say":
                    Heard.Add(element.Value);
                    break;
                case "Play":
                    Heard.Add("[play] " + element.Value);
                    break;
            }
        }
        if (twiml.Element("Hangup") is not null) HungUp = true;
        if (twiml.Element("Dial") is { } dial) DialledNumber = dial.Element("Number")?.Value ?? dial.Value;
    }
}
