namespace SimCaller.Core.Techniques;

/// <summary>
/// A trainee move, as defined by the shared vocabulary (shared/spec/techniques.md).
/// The snake_case id of each member (see <see cref="TechniqueIds"/>) is a public contract.
/// </summary>
public enum Technique
{
    // Helpful moves
    Empathy,
    Apology,
    Paraphrase,
    ClarifyingQuestion,
    Solution,
    Ownership,
    Expectation,
    Gratitude,
    CheckSatisfaction,
    Boundary,
    Redirect,
    EscalationOffer,

    // Harmful moves
    Cliche,
    Blame,
    Dismissive,
    Refusal,
    Defensive,
    Rude,
}
