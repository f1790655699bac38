using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SimCaller.Twilio.Rest;

/// <summary>
/// The few REST calls SimCaller makes, over a plain HttpClient (no SDK in the package source).
/// Base https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/, form posts, JSON replies.
/// </summary>
public sealed class TwilioRestClient
{
    public static readonly Uri DefaultBaseAddress = new("https://api.twilio.com/2010-04-01/");

    private readonly HttpClient _http;
    private readonly TwilioCredentials _credentials;
    private readonly Uri _baseAddress;

    public TwilioRestClient(HttpClient http, TwilioCredentials credentials, Uri? baseAddress = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrWhiteSpace(credentials.AccountSid);
        ArgumentException.ThrowIfNullOrWhiteSpace(credentials.Secret);
        _http = http;
        _credentials = credentials;
        _baseAddress = baseAddress ?? DefaultBaseAddress;
    }

    /// <summary>Sends a text (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource).</summary>
    /// <exception cref="TwilioApiException">Twilio answered with an error.</exception>
    public async Task<TwilioMessage> SendSmsAsync(string to, string from, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);

        using var json = await PostFormAsync("Messages.json",
            [new("To", to), new("From", from), new("Body", body)], cancellationToken).ConfigureAwait(false);
        var root = json.RootElement;
        return new TwilioMessage(ReadString(root, "sid") ?? "", ReadString(root, "status"), ReadString(root, "to"));
    }

    private async Task<JsonDocument> PostFormAsync(string resource, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseAddress, $"Accounts/{Uri.EscapeDataString(_credentials.AccountSid)}/{resource}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_credentials.User}:{_credentials.Secret}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var json = TryParse(text);
        if (response.IsSuccessStatusCode && json is not null) return json;

        using (json)
        {
            if (response.IsSuccessStatusCode)
                throw new TwilioApiException(response.StatusCode, null, "the reply was not JSON", null);
            var root = json?.RootElement;
            var code = root is { } r && r.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : (int?)null;
            var message = (root is { } m ? ReadString(m, "message") : null)
                ?? (string.IsNullOrWhiteSpace(text) ? response.ReasonPhrase ?? "no detail" : Truncate(text, 200));
            var moreInfo = root is { } i ? ReadString(i, "more_info") : null;
            throw new TwilioApiException(response.StatusCode, code, message, moreInfo);
        }
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object) return doc;
            doc.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "...";
}
