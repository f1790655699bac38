using Microsoft.Extensions.Options;
using SimCaller.Api.Audio;
using SimCaller.Persona.Definitions;
using SimCaller.Speech.Caching;
using SimCaller.Speech.Ssml;
using SimCaller.Twilio.Twiml;

namespace SimCaller.Api.Twilio;

/// <summary>
/// The customer's line as Twilio should play it, with the voice following the mood: Azure audio with an
/// expressive style when Speech:Azure is configured (served from /audio), else Polly SSML inside &lt;Say&gt;.
/// </summary>
public sealed class CustomerAudio(IOptions<TwilioOptions> twilio, ILogger<CustomerAudio> logger, MoodSpeechSynthesizer? azure = null)
{
    public async Task<SpokenLine> RenderAsync(PersonaDefinition? persona, string text, int anger, CancellationToken cancellationToken)
    {
        var voice = persona?.Voice ?? new VoiceSettings();
        if (azure is not null && text.Trim().Length > 0)
        {
            try
            {
                var file = await azure.RenderAsync(text, voice.Azure, anger, voice.Language, cancellationToken);
                return new SpokenLine(twilio.Value.Absolute(AudioEndpoints.PathFor(file)), null, null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A dead line is worse than a flatter voice: fall back to Polly.
                logger.LogWarning(ex, "Azure speech failed; falling back to <Say> for this line");
            }
        }
        return new SpokenLine(null, TwilioSsml.Say(text, anger, voice.Twilio), new SayOptions(voice.Twilio, voice.Language));
    }
}

/// <summary>Either a URL to &lt;Play&gt; or SSML to &lt;Say&gt;.</summary>
public sealed record SpokenLine(string? PlayUrl, string? Ssml, SayOptions? Say)
{
    public void AddTo(GatherPrompts prompts)
    {
        if (PlayUrl is not null) prompts.Play(PlayUrl);
        else prompts.SaySsml(Ssml!, Say);
    }

    public void AddTo(TwimlResponse response)
    {
        if (PlayUrl is not null) response.Play(PlayUrl);
        else response.SaySsml(Ssml!, Say);
    }
}
