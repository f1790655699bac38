using SimCaller.Speech.Caching;

namespace SimCaller.Api.Audio;

/// <summary>GET /audio/{file}: synthesised customer lines for Twilio's &lt;Play&gt;. Names are content hashes,
/// so a file never changes and may be cached for long.</summary>
public static class AudioEndpoints
{
    public static string PathFor(string fileName) => "/audio/" + fileName;

    public static IEndpointRouteBuilder MapAudio(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audio/{file}", (string file, HttpContext http) =>
        {
            // Registered only when Azure speech is configured.
            var cache = http.RequestServices.GetService<SpeechAudioCache>();
            if (cache?.TryOpen(file) is not { } stream) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=86400, immutable";
            return Results.Stream(stream, SpeechAudioCache.ContentTypeFor(file));
        });
        return app;
    }
}
