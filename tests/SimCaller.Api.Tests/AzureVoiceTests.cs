using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Speech.Azure;

namespace SimCaller.Api.Tests;

/// <summary>With Speech:Azure configured the customer is synthesised by Azure, cached, and played with &lt;Play&gt;.</summary>
public sealed class AzureVoiceTests : IDisposable
{
    private const string TravelerLine = "+15557770001";
    private readonly TempDatabase _db = new();
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "simcaller-api-audio-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _ssml = [];
    private HttpStatusCode _azureStatus = HttpStatusCode.OK;

    public void Dispose()
    {
        _db.Dispose();
        if (Directory.Exists(_cache)) Directory.Delete(_cache, recursive: true);
    }

    private SimCallerApp App() => new(_db.Path, new Dictionary<string, string?>
    {
        [$"Twilio:Numbers:{TravelerLine}"] = "stressed-traveler",
        ["Speech:Azure:Key"] = "azure-key",
        ["Speech:Azure:Region"] = "westeurope",
        ["Speech:CacheDirectory"] = _cache,
    });

    private HttpClient Client(SimCallerApp app) => app.WithWebHostBuilder(b => b.ConfigureServices(services =>
        services.AddHttpClient<AzureSpeechClient>().ConfigurePrimaryHttpMessageHandler(() => new FakeAzure(this)))).CreateClient();

    [Fact]
    public async Task Customer_lines_are_played_from_cached_azure_audio_with_a_mood_style()
    {
        using var app = App();
        var client = Client(app);
        var call = new TwilioCallSimulator(client, to: TravelerLine);

        await call.DialAsync();

        var play = call.Gather!.Element("Play")!.Value;
        Assert.Matches($"^{SimCallerApp.PublicBaseUrl}/audio/[0-9a-f]{{64}}\\.wav$", play);
        Assert.Null(call.Gather.Element("Say"));
        var ssml = Assert.Single(_ssml);
        Assert.Contains("en-US-JennyNeural", ssml);
        Assert.Contains("express-as", ssml);

        using var audio = await client.GetAsync(play[SimCallerApp.PublicBaseUrl.Length..]);
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType?.MediaType);
        Assert.Equal("RIFF-fake"u8.ToArray(), await audio.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task When_azure_fails_the_customer_still_speaks_through_say()
    {
        _azureStatus = HttpStatusCode.Unauthorized;
        using var app = App();
        var call = new TwilioCallSimulator(Client(app), to: TravelerLine);

        await call.DialAsync();

        Assert.NotNull(call.Gather!.Element("Say"));
        Assert.Null(call.Gather.Element("Play"));
    }

    private sealed class FakeAzure(AzureVoiceTests owner) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var ssml = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (owner._ssml) owner._ssml.Add(ssml);
            return owner._azureStatus == HttpStatusCode.OK
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("RIFF-fake"u8.ToArray()) }
                : new HttpResponseMessage(owner._azureStatus) { Content = new StringContent("bad key") };
        }
    }
}
