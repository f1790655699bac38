using System.Text;
using System.Text.RegularExpressions;

namespace SimCaller.Practice.CallControl;

/// <summary>
/// Finds a transfer or an agent-ended call in what the trainee says: "i'm ending this call", or a
/// farewell that closes the utterance ("... have a safe flight. goodbye"). Only firm statements count:
/// offers ("would you like me to transfer you") and warnings ("if you keep swearing I'll end this call")
/// are techniques for the analyser, not actions. Works on speech-to-text output (no case, no
/// punctuation, fillers).
/// </summary>
public static partial class CallControlDetector
{
    public static CallControlAction Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CallControlAction.None;
        }

        var found = CallControlAction.None;
        var clauses = Normalize(text).Split(ClauseBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var clause in clauses)
        {
            // A condition or an offer anywhere in the clause makes it a warning or a question, not an act.
            if (Hedge().IsMatch(clause))
            {
                continue;
            }
            var transfer = Transfer().Match(clause);
            var end = EndCall().Match(clause);
            // The later statement in a clause is the one the trainee acts on.
            if (transfer.Success && (!end.Success || transfer.Index > end.Index))
            {
                found = CallControlAction.Transfer;
            }
            else if (end.Success)
            {
                found = CallControlAction.EndCall;
            }
        }
        // Saying goodbye as the last thing is hanging up, unless it is part of a question or a plan.
        if (found == CallControlAction.None && clauses.Length > 0 && Farewell().IsMatch(clauses[^1]) && !FarewellContext().IsMatch(clauses[^1]))
        {
            found = CallControlAction.EndCall;
        }
        return found;
    }

    private static readonly char[] ClauseBreaks = ['.', '!', '?', ';', '\n'];

    /// <summary>Lowercase, contractions without apostrophes ("i'm" -> "im"), fillers and symbols gone.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is '\'' or '\u2019' or '`')
            {
                continue;
            }
            builder.Append(char.IsLetterOrDigit(c) || Array.IndexOf(ClauseBreaks, c) >= 0 ? c : ' ');
        }
        var spaced = Fillers().Replace(builder.ToString(), " ");
        return Spaces().Replace(spaced, " ");
    }

    [GeneratedRegex(@"\b(um+|uh+|erm|er|ah|hmm+|mm+)\b")]
    private static partial Regex Fillers();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(if|unless|otherwise|or else|next time|would you like|do you want|want me to|shall i|should i|could i|can i|may i|i could)\b")]
    private static partial Regex Hedge();

    [GeneratedRegex(@"\b(good\s?bye|bye(\s+bye)?|take care|have a (good|great|nice|lovely|safe|wonderful) (day|night|evening|afternoon|morning|weekend|flight|trip|journey|one|time))(\s+(now|then|sir|madam|maam|dear))?$")]
    private static partial Regex Farewell();

    [GeneratedRegex(@"\b(before|after|when|until|say goodbye to|wave goodbye|kiss goodbye)\b")]
    private static partial Regex FarewellContext();

    private const string Firm = @"\b(let me|im|i am|ill|i will|im going to|i am going to|im gonna|i am gonna)\s+(now\s+|just\s+|have to\s+|need to\s+)*";

    [GeneratedRegex(Firm + @"(transfer(ring)?\s+(you|your call|the call|this call)|put(ting)?\s+you\s+through|(connect(ing)?|pass(ing)?|hand(ing)?)\s+you\s+(over\s+|on\s+)?(to|with))\b")]
    private static partial Regex Transfer();

    [GeneratedRegex(Firm + @"((end(ing)?|terminat(e|ing)|clos(e|ing))\s+(this|the|our)\s+(call|conversation|line)|disconnect(ing)?|hang(ing)?\s+up)\b")]
    private static partial Regex EndCall();
}
