namespace SimCaller.Speech.Azure;

/// <summary>Settings for Azure AI Speech text to speech (config section Speech:Azure).</summary>
public sealed class AzureSpeechOptions
{
    /// <summary>Riff mu-law 8 kHz is a WAV file Twilio's &lt;Play&gt; accepts and matches phone audio.</summary>
    public const string DefaultOutputFormat = "riff-8khz-8bit-mono-mulaw";

    public string Key { get; set; } = "";
    /// <summary>Azure region, e.g. westeurope.</summary>
    public string Region { get; set; } = "";
    public string OutputFormat { get; set; } = DefaultOutputFormat;
    /// <summary>Required by the service; under 255 characters.</summary>
    public string UserAgent { get; set; } = "SimCaller";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Key) && !string.IsNullOrWhiteSpace(Region);
}
