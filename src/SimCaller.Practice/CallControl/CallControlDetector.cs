using System.Text.RegularExpressions;
using SimCaller.Core.Text;

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
        // Clauses first: the shared normaliser drops the punctuation that separates them.
        var clauses = text.Split(ClauseBreaks, StringSplitOptions.RemoveEmptyEntries)
            .Select(TextNormalizer.Normalize)
            .Where(clause => clause.Length > 0)
            .ToArray();
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

    [GeneratedRegex(@"\b(if|unless|otherwise|or else|next time|would you like|do you want|want me to|shall i|should i|could i|can i|may i|i could)\b")]
    private static partial Regex Hedge();

    [GeneratedRegex(@"\b(good\s?bye|bye(\s+bye)?|take care|(thanks|thank you) (so much |very much )?for (calling|your call|ringing( us)?|getting in touch)|have a (good|great|nice|lovely|safe|wonderful) (day|night|evening|afternoon|morning|weekend|flight|trip|journey|one|time))(\s+(now|then|sir|madam|maam|dear))?$")]
    private static partial Regex Farewell();

    [GeneratedRegex(@"\b(before|after|when|until|say goodbye to|wave goodbye|kiss goodbye)\b")]
    private static partial Regex FarewellContext();

    // After normalising: "i'm" is "i am", "i'll" is "i will", "gonna" is "going to"; a bare speech-to-text
    // "ill" stays as it is before verbs the normaliser does not know, so it is accepted too.
    private const string Firm = @"\b(let me|i am|i will|ill|i am going to)\s+(now\s+|just\s+|have to\s+|need to\s+)*";

    [GeneratedRegex(Firm + @"(transfer(ring)?\s+(you|your call|the call|this call)|put(ting)?\s+you\s+through|(connect(ing)?|pass(ing)?|hand(ing)?)\s+you\s+(over\s+|on\s+)?(to|with))\b")]
    private static partial Regex Transfer();

    [GeneratedRegex(Firm + @"((end(ing)?|terminat(e|ing)|clos(e|ing))\s+(this|the|our)\s+(call|conversation|line)|disconnect(ing)?|hang(ing)?\s+up)\b")]
    private static partial Regex EndCall();
}
