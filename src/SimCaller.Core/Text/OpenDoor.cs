using System.Text.RegularExpressions;

namespace SimCaller.Core.Text;

/// <summary>
/// The open door every call starts with ("how can I help?", "what can I do for you?", "what happened?"):
/// an open question that invites the customer's own account. The analyser counts it as a clarifying
/// question however few of the problem's words it names; the customer answers it with their problem.
/// </summary>
public static partial class OpenDoor
{
    /// <summary>The pattern, over <see cref="TextNormalizer.Normalize"/>d text.</summary>
    public const string Pattern =
        @"^(\w+ ){0,6}(how|what) (can|may|could|shall) i (help|assist|do for you|do to help|sort out)" +
        @"|^(\w+ ){0,6}what (happened|seems to be the (problem|issue|trouble)|is the (problem|issue|trouble)|is going on|went wrong)\b" +
        @"|^(\w+ ){0,3}(tell me|talk me through) (what happened|what is going on|more|about it)";

    /// <summary>True when the trainee's words (raw or normalised) open the door.</summary>
    public static bool IsMatch(string? said) => said is { Length: > 0 } && Regex().IsMatch(TextNormalizer.Normalize(said));

    [GeneratedRegex(Pattern)]
    private static partial Regex Regex();
}
