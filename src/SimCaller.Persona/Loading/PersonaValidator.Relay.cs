using System.Globalization;
using System.Text.RegularExpressions;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;

namespace SimCaller.Persona.Loading;

/// <summary>
/// The streaming phone call's settings: the ConversationRelay voice (a pair the provider lacks drops
/// the call with Twilio error 64106, so the shape is checked here) and the interruption rules.
/// </summary>
internal sealed partial class PersonaValidator
{
    private static readonly string[] ElevenLabsModels = ["flash_v2_5", "flash_v2", "turbo_v2_5", "turbo_v2"];

    private void CheckRelayVoice(VoiceSettings v)
    {
        var relay = v.Relay;
        var provider = relay.Provider.Trim().ToLowerInvariant();
        var voice = relay.Voice.Trim();
        if (provider.Length == 0)
        {
            if (voice.Length > 0)
            {
                Add("voice.relay.provider", $"missing: say whose voice '{voice}' is: provider: {string.Join(" | ", RelayVoice.Providers)}");
            }
            return;
        }
        if (!RelayVoice.Providers.Contains(provider))
        {
            Add("voice.relay.provider", $"'{relay.Provider}' is not a ConversationRelay text-to-speech provider: use {string.Join(", ", RelayVoice.Providers)}");
            return;
        }
        if (voice.Length == 0)
        {
            Add("voice.relay.voice", $"missing: name one of {RelayVoice.TwilioName(provider)}'s voices, e.g. {Example(provider)}");
            return;
        }
        switch (provider)
        {
            case RelayVoice.Google:
                var google = GoogleVoice().Match(voice);
                if (!google.Success)
                {
                    Add("voice.relay.voice", $"'{voice}' is not a Google voice name: language-REGION-Family-Letter, e.g. {Example(provider)}");
                }
                else if (!string.Equals(google.Groups["lang"].Value, v.Language.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    Add("voice.relay.voice", $"'{voice}' speaks {google.Groups["lang"].Value} but voice.language is '{v.Language}': pick a voice of that language or change the language");
                }
                else if (google.Groups["family"].Value is "Journey" or "Chirp" or "Chirp3" or "Chirp-HD" || voice.Contains("-Chirp", StringComparison.Ordinal))
                {
                    Warn("voice.relay.voice", $"Google's {google.Groups["family"].Value} voices read no SSML, so this customer's voice will not follow their mood on a streaming call; a Neural2 or Wavenet voice does");
                }
                break;
            case RelayVoice.Amazon:
                if (!AmazonVoice().IsMatch(voice))
                {
                    Add("voice.relay.voice", $"'{voice}' is not an Amazon voice for ConversationRelay: a name with -Neural or -Generative, e.g. {Example(provider)}");
                }
                break;
            case RelayVoice.ElevenLabs:
                CheckElevenLabs(voice);
                break;
        }
    }

    private void CheckElevenLabs(string voice)
    {
        var parts = voice.Split('-');
        if (!ElevenLabsId().IsMatch(parts[0]) || parts.Length > 3)
        {
            Add("voice.relay.voice", $"'{voice}' is not an ElevenLabs voice: VOICEID[-model][-speed_stability_similarity], e.g. {Example(RelayVoice.ElevenLabs)}");
            return;
        }
        var rest = parts.Skip(1).ToList();
        if (rest.Count > 0 && ElevenLabsModels.Contains(rest[0]))
        {
            rest.RemoveAt(0);
        }
        else if (rest.Count > 0 && rest[0].Any(char.IsLetter))
        {
            Add("voice.relay.voice", $"'{rest[0]}' is not an ElevenLabs model ConversationRelay offers: {string.Join(", ", ElevenLabsModels)}");
            return;
        }
        if (rest.Count == 0)
        {
            return;
        }
        var numbers = rest[0].Split('_');
        if (rest.Count > 1 || numbers.Length != 3
            || !numbers.All(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            Add("voice.relay.voice", $"'{voice}' does not end in speed_stability_similarity, e.g. 1.0_0.8_0.8");
            return;
        }
        var speed = double.Parse(numbers[0], CultureInfo.InvariantCulture);
        var stability = double.Parse(numbers[1], CultureInfo.InvariantCulture);
        var similarity = double.Parse(numbers[2], CultureInfo.InvariantCulture);
        if (speed is < 0.7 or > 1.2)
        {
            Add("voice.relay.voice", $"speed {numbers[0]} is out of range: ElevenLabs takes 0.7 to 1.2");
        }
        if (stability is < 0 or > 1 || similarity is < 0 or > 1)
        {
            Add("voice.relay.voice", $"stability and similarity ({numbers[1]}, {numbers[2]}) must each be between 0 and 1");
        }
    }

    private static string Example(string provider) => provider switch
    {
        RelayVoice.Google => "en-US-Neural2-F",
        RelayVoice.Amazon => "Joanna-Neural",
        _ => "ZF6FPAbjXT4488VcRRnw-flash_v2_5-1.2_1.0_1.0",
    };

    private void CheckInterruptions(Interruptions i)
    {
        Moods("interruptions.talk_over.moods", i.TalkOver.Moods);
        if (i.TalkOver.HeardBelow is <= 0 or > 1)
        {
            Add("interruptions.talk_over.heard_below", $"{i.TalkOver.HeardBelow} is out of range: the share of the customer's line heard, more than 0 and at most 1 (1: any interruption counts)");
        }
        if (i.TalkOver.Tolerated < 0)
        {
            Add("interruptions.talk_over.tolerated", $"{i.TalkOver.Tolerated} is out of range: interruptions let pass, 0 or more");
        }
        Moods("interruptions.cut_in.moods", i.CutIn.Moods);
        if (i.CutIn.AfterWords < 3)
        {
            Add("interruptions.cut_in.after_words", $"{i.CutIn.AfterWords} is out of range: at least 3 words, or the customer cuts in on every answer");
        }
        // Only for a rule the trainer wrote: the default one stays quiet on personas written before it existed.
        if (i.CutIn.Moods.Count > 0 && i.CutIn.Lines.Count == 0 && lines.ContainsKey("interruptions.cut_in.moods"))
        {
            Warn("interruptions.cut_in.lines", $"none: this customer cuts in with the generic \"{CutInRule.DefaultLine}\"; give them lines in their own voice");
        }
        NoCues("interruptions.cut_in.lines", i.CutIn.Lines);
    }

    private void Moods(string field, List<string> moods)
    {
        for (var j = 0; j < moods.Count; j++)
        {
            if (!MoodStateIds.TryParse(moods[j], out _))
            {
                Add($"{field}[{j}]", $"'{moods[j]}' is not a mood: use {string.Join(", ", MoodStateIds.AllIds)}");
            }
        }
    }

    [GeneratedRegex(@"^(?<lang>[a-z]{2,3}-[A-Z]{2})-(?<family>[A-Za-z0-9]+)(-[A-Za-z0-9]+)*$")]
    private static partial Regex GoogleVoice();

    [GeneratedRegex(@"^[A-Z][a-zA-Z]+-(Neural|Generative)$")]
    private static partial Regex AmazonVoice();

    [GeneratedRegex(@"^[A-Za-z0-9]{16,32}$")]
    private static partial Regex ElevenLabsId();
}
