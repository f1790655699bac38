using System.Globalization;
using System.Xml.Linq;

namespace SimCaller.Twilio.Twiml;

/// <summary>
/// Attributes of &lt;Gather&gt; (https://www.twilio.com/docs/voice/twiml/gather).
/// Deliberately absent: <c>enhanced</c> (deprecated). <see cref="SpeechModel"/> and
/// <c>speechTimeout="auto"</c> cannot be combined (warnings 13327/13328), so a model needs whole seconds.
/// </summary>
public sealed record GatherOptions
{
    /// <summary>Twilio's limits on hints: entries and characters per entry.</summary>
    public const int MaxHints = 500;
    public const int MaxHintLength = 100;

    /// <summary>"speech", "dtmf" or "dtmf speech".</summary>
    public string Input { get; init; } = "speech";
    public string? Action { get; init; }
    public string Method { get; init; } = "POST";
    /// <summary>"auto" or whole seconds; "auto" is only valid without <see cref="SpeechModel"/>.</summary>
    public string? SpeechTimeout { get; init; } = "auto";
    /// <summary>Seconds to wait for the caller to start (Twilio default 5).</summary>
    public int? Timeout { get; init; }
    public string? Language { get; init; }
    public IReadOnlyList<string> Hints { get; init; } = [];
    public bool? ActionOnEmptyResult { get; init; }
    public int? NumDigits { get; init; }
    public string? FinishOnKey { get; init; }
    public string? SpeechModel { get; init; }
    public bool? ProfanityFilter { get; init; }

    internal XElement ToElement()
    {
        var input = Input?.Trim() ?? "";
        if (input is not ("speech" or "dtmf" or "dtmf speech" or "speech dtmf"))
            throw new ArgumentException($"Gather input must be 'speech', 'dtmf' or 'dtmf speech', not '{Input}'.", nameof(Input));
        if (SpeechModel is not null && string.Equals(SpeechTimeout, "auto", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("speechTimeout=\"auto\" cannot be combined with speechModel; give whole seconds instead.", nameof(SpeechTimeout));
        if (SpeechTimeout is not null && SpeechTimeout != "auto"
            && !(int.TryParse(SpeechTimeout, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0))
            throw new ArgumentException($"speechTimeout must be 'auto' or a positive whole number of seconds, not '{SpeechTimeout}'.", nameof(SpeechTimeout));
        if (Timeout is < 1) throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Gather timeout must be at least 1 second.");
        if (NumDigits is < 1) throw new ArgumentOutOfRangeException(nameof(NumDigits), NumDigits, "numDigits must be at least 1.");

        var gather = new XElement("Gather", new XAttribute("input", input));
        if (Action is not null) gather.Add(new XAttribute("action", Action), new XAttribute("method", Method));
        var speech = input.Contains("speech", StringComparison.Ordinal);
        if (speech && SpeechTimeout is not null) gather.Add(new XAttribute("speechTimeout", SpeechTimeout));
        if (Timeout is { } timeout) gather.Add(new XAttribute("timeout", timeout));
        if (Language is { Length: > 0 }) gather.Add(new XAttribute("language", Language));
        var hints = speech ? CleanHints(Hints) : "";
        if (hints.Length > 0) gather.Add(new XAttribute("hints", hints));
        if (ActionOnEmptyResult is { } empty) gather.Add(new XAttribute("actionOnEmptyResult", empty ? "true" : "false"));
        if (NumDigits is { } digits) gather.Add(new XAttribute("numDigits", digits));
        if (FinishOnKey is not null) gather.Add(new XAttribute("finishOnKey", FinishOnKey));
        if (speech && SpeechModel is not null) gather.Add(new XAttribute("speechModel", SpeechModel));
        if (ProfanityFilter is { } filter) gather.Add(new XAttribute("profanityFilter", filter ? "true" : "false"));
        return gather;
    }

    /// <summary>
    /// Hints are comma-separated, so commas inside a hint would split it; long or surplus hints are
    /// dropped rather than failing the call, because they only help recognition.
    /// </summary>
    internal static string CleanHints(IEnumerable<string> hints) => string.Join(", ", hints
        .Select(h => h?.Replace(',', ' ').Trim() ?? "")
        .Where(h => h.Length is > 0 and <= MaxHintLength)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Take(MaxHints));
}
