using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SimCaller.Speech.Azure;

/// <summary>
/// Azure AI Speech text-to-speech REST (https://learn.microsoft.com/azure/ai-services/speech-service/rest-text-to-speech):
/// POST SSML to https://{region}.tts.speech.microsoft.com/cognitiveservices/v1, get audio bytes back.
/// </summary>
public sealed class AzureSpeechClient
{
    private readonly HttpClient _http;
    private readonly AzureSpeechOptions _options;

    public AzureSpeechClient(HttpClient http, AzureSpeechOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured) throw new ArgumentException("Speech:Azure:Key and Speech:Azure:Region must both be set.", nameof(options));
        if (options.UserAgent.Length is 0 or >= 255) throw new ArgumentException("Speech:Azure:UserAgent must be 1-254 characters.", nameof(options));
        _http = http;
        _options = options;
    }

    public string OutputFormat => _options.OutputFormat;

    public Uri SynthesisUri => new($"https://{_options.Region.Trim()}.tts.speech.microsoft.com/cognitiveservices/v1");

    public Uri VoicesUri => new($"https://{_options.Region.Trim()}.tts.speech.microsoft.com/cognitiveservices/voices/list");

    /// <summary>Synthesises an SSML document (see <see cref="Ssml.AzureSsml"/>) in <see cref="OutputFormat"/>.</summary>
    /// <exception cref="AzureSpeechException">The service answered with an error.</exception>
    public async Task<byte[]> SynthesizeAsync(string ssml, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ssml);
        using var request = NewRequest(HttpMethod.Post, SynthesisUri);
        request.Content = new StringContent(ssml, Encoding.UTF8);
        // The service wants exactly this media type; a charset parameter is not part of the documented header.
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/ssml+xml");
        request.Headers.Add("X-Microsoft-OutputFormat", _options.OutputFormat);

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ThrowOnErrorAsync(response, cancellationToken).ConfigureAwait(false);
        var audio = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (audio.Length == 0) throw new AzureSpeechException(response.StatusCode, "the service returned no audio");
        return audio;
    }

    /// <summary>The region's voices with their styles, so a style is only sent to a voice that has it.</summary>
    public async Task<IReadOnlyList<AzureVoice>> ListVoicesAsync(CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Get, VoicesUri);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ThrowOnErrorAsync(response, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (json.RootElement.ValueKind != JsonValueKind.Array) throw new AzureSpeechException(response.StatusCode, "the voices list is not a JSON array");

        var voices = new List<AzureVoice>();
        foreach (var item in json.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            var name = Text(item, "ShortName");
            if (name is null) continue;
            var styles = item.TryGetProperty("StyleList", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToList()
                : [];
            voices.Add(new AzureVoice(name, Text(item, "Locale") ?? "", styles));
        }
        return voices;
    }

    private HttpRequestMessage NewRequest(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("Ocp-Apim-Subscription-Key", _options.Key);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        return request;
    }

    private static async Task ThrowOnErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var detail = string.IsNullOrWhiteSpace(body) ? response.ReasonPhrase ?? "no detail" : body.Length > 200 ? body[..200] + "..." : body;
        throw new AzureSpeechException(response.StatusCode, detail);
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
