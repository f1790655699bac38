namespace SimCaller.Speech.Azure;

/// <summary>One entry of the voices list: its name and the speaking styles it offers.</summary>
public sealed record AzureVoice(string ShortName, string Locale, IReadOnlyList<string> StyleList);
