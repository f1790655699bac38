using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SimCaller.Persona.Voice;

/// <summary>
/// Keeps only what a customer would say out loud from model output, chunk by chunk as it streams:
/// drops speaker labels, stage directions in brackets or asterisks, quotes and emojis, stops where
/// the model starts writing another speaker's line, and caps the length at a sentence end.
/// </summary>
public sealed partial class SpeakableText
{
    /// <summary>Characters after which the reply ends at the next sentence end.</summary>
    public const int DefaultSoftLimit = 240;

    private static readonly string[] SelfLabels = ["customer", "caller", "client", "assistant", "ai", "me"];

    private readonly HashSet<string> selfLabels;
    private readonly int softLimit;
    private readonly int hardLimit;
    private readonly StringBuilder lineStart = new();
    private bool atLineStart = true;
    private bool firstLine = true;
    private char? skipUntil;
    private bool pendingSpace;
    private int length;

    /// <param name="speakerName">The persona's name, so "Dana:" in front of the line is recognised as a label.</param>
    public SpeakableText(string? speakerName = null, int softLimit = DefaultSoftLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(softLimit, 20);
        this.softLimit = softLimit;
        hardLimit = softLimit + softLimit / 3;
        selfLabels = [.. SelfLabels];
        if (!string.IsNullOrWhiteSpace(speakerName))
        {
            selfLabels.Add(Label(speakerName));
            selfLabels.UnionWith(speakerName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Label));
        }
    }

    /// <summary>True once the reply is long enough or the model moved on to another speaker.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>The whole text made speakable.</summary>
    public static string Clean(string? raw, string? speakerName = null, int softLimit = DefaultSoftLimit)
    {
        var speakable = new SpeakableText(speakerName, softLimit);
        return (speakable.Push(raw) + speakable.Flush()).Trim();
    }

    /// <summary>The speakable part of the next chunk (may be empty while a possible label is held back).</summary>
    public string Push(string? chunk)
    {
        var output = new StringBuilder();
        foreach (var c in chunk ?? "")
        {
            if (IsComplete)
            {
                break;
            }
            if (atLineStart)
            {
                HoldLineStart(c, output);
            }
            else
            {
                Emit(c, output);
            }
        }
        return output.ToString();
    }

    /// <summary>Whatever was held back at the end of the stream.</summary>
    public string Flush()
    {
        var output = new StringBuilder();
        ReleaseLineStart(output);
        IsComplete = true;
        return output.ToString();
    }

    // A line may open with "Name:"; hold its first characters until that is ruled in or out.
    private void HoldLineStart(char c, StringBuilder output)
    {
        lineStart.Append(c);
        if (c == ':')
        {
            var label = Label(lineStart.ToString(0, lineStart.Length - 1));
            if (label.Length > 0 && label.Split(' ').Length <= 3 && (!firstLine || selfLabels.Contains(label)))
            {
                lineStart.Clear();
                atLineStart = false;
                // A label on a later line means the model is writing the agent's part: the reply is over.
                IsComplete = !firstLine;
                return;
            }
            ReleaseLineStart(output);
            return;
        }
        var held = lineStart.ToString();
        if (c == '\n' || held.Length > 40 || !PossibleLabel().IsMatch(held)
            || held.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 3)
        {
            ReleaseLineStart(output);
        }
    }

    private void ReleaseLineStart(StringBuilder output)
    {
        var held = lineStart.ToString();
        lineStart.Clear();
        atLineStart = false;
        foreach (var c in held)
        {
            if (IsComplete)
            {
                break;
            }
            if (atLineStart)
            {
                HoldLineStart(c, output);
            }
            else
            {
                Emit(c, output);
            }
        }
    }

    private void Emit(char c, StringBuilder output)
    {
        if (skipUntil is char closing)
        {
            if (c == closing)
            {
                skipUntil = null;
            }
            return;
        }
        switch (c)
        {
            case '(': skipUntil = ')'; return;
            case '[': skipUntil = ']'; return;
            case '{': skipUntil = '}'; return;
            case '*': skipUntil = '*'; return;
            case '"' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB' or '\u200D' or '\uFE0F': return;
            case '\n':
                pendingSpace = length > 0;
                atLineStart = true;
                firstLine = false;
                return;
        }
        if (char.IsWhiteSpace(c))
        {
            pendingSpace = length > 0;
            if (length >= hardLimit)
            {
                IsComplete = true;
            }
            return;
        }
        if (char.IsSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol)
        {
            return;
        }
        if (pendingSpace)
        {
            output.Append(' ');
            length++;
            pendingSpace = false;
        }
        output.Append(c);
        length++;
        if (length >= softLimit && c is '.' or '!' or '?')
        {
            IsComplete = true;
        }
    }

    private static string Label(string text) =>
        string.Join(' ', text.Trim().Trim('*', '"', '\u201C', '\u201D', ' ').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^[\s*""\u201C]*(?:\p{L}[\p{L} .'-]*)?$")]
    private static partial Regex PossibleLabel();
}
