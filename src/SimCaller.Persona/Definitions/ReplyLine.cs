using System.Diagnostics.CodeAnalysis;

namespace SimCaller.Persona.Definitions;

/// <summary>
/// One entry of <see cref="ReplyLines.Reactions"/> as a trainer writes it: the words the customer says,
/// optionally behind a cue, <c>"[calm down|relax] Calm down? CALM DOWN?"</c>. A cued line echoes the
/// trainee, so it may only be said when the trainee used one of the cue phrases. The one parser of
/// that syntax: the loader validates with it and the offline engine speaks with it.
/// </summary>
/// <param name="Cues">Trigger phrases as written (trimmed); empty for a line that suits any wording.</param>
/// <param name="Text">What the customer says, without the cue.</param>
public sealed record ReplyLine(IReadOnlyList<string> Cues, string Text)
{
    public bool IsCued => Cues.Count > 0;

    /// <summary>Reads a line; false with a trainer-readable <paramref name="error"/> when the cue is malformed.</summary>
    public static bool TryParse(string? raw, [NotNullWhen(true)] out ReplyLine? line, [NotNullWhen(false)] out string? error)
    {
        line = null;
        var text = (raw ?? "").Trim();
        if (text.Length == 0)
        {
            error = "empty line";
            return false;
        }
        if (!text.StartsWith('['))
        {
            line = new ReplyLine([], text);
            error = null;
            return true;
        }
        var close = text.IndexOf(']');
        if (close < 0)
        {
            error = "the cue's '[' has no closing ']': write \"[phrase|other phrase] What the customer says\"";
            return false;
        }
        var cues = text[1..close].Split('|').Select(c => c.Trim()).ToArray();
        if (cues.Any(c => !c.Any(char.IsLetterOrDigit)))
        {
            error = $"empty trigger phrase in '{text[..(close + 1)]}': every phrase between '|' needs at least one word";
            return false;
        }
        var said = text[(close + 1)..].Trim();
        if (said.Length == 0)
        {
            error = $"nothing to say after the cue '{text[..(close + 1)]}': put the customer's words after the ']'";
            return false;
        }
        line = new ReplyLine(cues, said);
        error = null;
        return true;
    }

    /// <exception cref="FormatException">The cue is malformed; the message says how.</exception>
    public static ReplyLine Parse(string raw) =>
        TryParse(raw, out var line, out var error) ? line : throw new FormatException($"'{raw}': {error}");
}
