using System.Net;
using SimCaller.Speech.Azure;
using SimCaller.Speech.Caching;

namespace SimCaller.Twilio.Tests;

// https://learn.microsoft.com/azure/ai-services/speech-service/rest-text-to-speech
public class AzureSpeechTests : IDisposable
{
    private static readonly AzureSpeechOptions Options = new() { Key = "k-123", Region = "westeurope" };
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "simcaller-audio-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Synthesize_posts_ssml_to_the_region_endpoint_with_the_required_headers()
    {
        var handler = new FakeHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) });
        var client = new AzureSpeechClient(new HttpClient(handler), Options);

        var audio = await client.SynthesizeAsync("<speak/>");

        Assert.Equal([1, 2, 3], audio);
        var (request, body, contentType) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://westeurope.tts.speech.microsoft.com/cognitiveservices/v1", request.RequestUri!.ToString());
        Assert.Equal("k-123", request.Headers.GetValues("Ocp-Apim-Subscription-Key").Single());
        Assert.Equal("riff-8khz-8bit-mono-mulaw", request.Headers.GetValues("X-Microsoft-OutputFormat").Single());
        Assert.Equal("SimCaller", string.Join(" ", request.Headers.GetValues("User-Agent")));
        Assert.Equal("application/ssml+xml", contentType);
        Assert.Equal("<speak/>", body);
    }

    [Fact]
    public async Task Service_errors_raise_an_exception_with_the_status()
    {
        var handler = new FakeHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("bad key") });
        var client = new AzureSpeechClient(new HttpClient(handler), Options);

        var ex = await Assert.ThrowsAsync<AzureSpeechException>(() => client.SynthesizeAsync("<speak/>"));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.Status);
        Assert.Contains("bad key", ex.Message);
    }

    [Fact]
    public async Task Voices_list_reads_names_and_styles()
    {
        var handler = FakeHttpHandler.Json(HttpStatusCode.OK,
            """[{"ShortName":"en-US-JennyNeural","Locale":"en-US","StyleList":["angry","shouting"]},{"ShortName":"en-GB-RyanNeural","Locale":"en-GB"}]""");
        var client = new AzureSpeechClient(new HttpClient(handler), Options);

        var voices = await client.ListVoicesAsync();

        Assert.Equal("https://westeurope.tts.speech.microsoft.com/cognitiveservices/voices/list", handler.Requests.Single().Request.RequestUri!.ToString());
        Assert.Equal(["angry", "shouting"], voices[0].StyleList);
        Assert.Empty(voices[1].StyleList);
    }

    [Fact]
    public void Unconfigured_options_are_refused_with_the_config_key_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AzureSpeechClient(new HttpClient(), new AzureSpeechOptions { Key = "x" }));
        Assert.Contains("Speech:Azure:Region", ex.Message);
    }

    [Fact]
    public async Task Cache_synthesises_each_distinct_line_once_and_serves_it_back()
    {
        var handler = new FakeHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([7, 7]) });
        var synth = new MoodSpeechSynthesizer(new AzureSpeechClient(new HttpClient(handler), Options), new SpeechAudioCache(_dir));

        var first = await synth.RenderAsync("Where is my bag?", "en-US-JennyNeural", 70, "en-US");
        var again = await synth.RenderAsync("Where is my bag?", "en-US-JennyNeural", 70, "en-US");
        var angrier = await synth.RenderAsync("Where is my bag?", "en-US-JennyNeural", 95, "en-US");

        Assert.Equal(first, again);
        Assert.NotEqual(first, angrier);
        Assert.Equal(2, handler.Requests.Count);
        Assert.EndsWith(".wav", first);
        using var stream = new SpeechAudioCache(_dir).TryOpen(first);
        Assert.NotNull(stream);
        Assert.Equal(2, stream.Length);
    }

    [Theory]
    [InlineData("../secrets.wav")]
    [InlineData("abc.wav")]
    [InlineData("/etc/passwd")]
    public void Cache_refuses_names_it_did_not_make(string name)
    {
        Assert.Null(new SpeechAudioCache(_dir).TryOpen(name));
    }

    [Fact]
    public void Cache_names_follow_the_output_format()
    {
        Assert.EndsWith(".mp3", SpeechAudioCache.FileNameFor("<speak/>", "audio-24khz-48kbitrate-mono-mp3"));
        Assert.EndsWith(".wav", SpeechAudioCache.FileNameFor("<speak/>", "riff-8khz-8bit-mono-mulaw"));
        Assert.Throws<ArgumentException>(() => SpeechAudioCache.FileNameFor("<speak/>", "raw-8khz-8bit-mono-mulaw"));
    }
}
