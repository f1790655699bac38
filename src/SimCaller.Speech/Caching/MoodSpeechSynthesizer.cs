using SimCaller.Speech.Azure;
using SimCaller.Speech.Ssml;

namespace SimCaller.Speech.Caching;

/// <summary>Turns a customer line and their anger into a cached audio file: SSML, then Azure, then disk.</summary>
public sealed class MoodSpeechSynthesizer(AzureSpeechClient client, SpeechAudioCache cache)
{
    /// <returns>The cache file name (serve it as /audio/{name}).</returns>
    public Task<string> RenderAsync(string text, string voice, int anger, string language, CancellationToken cancellationToken = default)
    {
        var ssml = AzureSsml.Build(text, voice, anger, language);
        return cache.GetOrAddAsync(ssml, client.OutputFormat, ct => client.SynthesizeAsync(ssml, ct), cancellationToken);
    }
}
