using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;

namespace SimCaller.Practice.Authoring;

/// <summary>
/// `personas try`: what a persona does with one trainee sentence, without holding a call. The sentence is
/// played as the trainee's first line of a call, after the customer's opening, through the live call's
/// engine, analyser and offline customer (<see cref="RehearsalCall"/>), so the answer is what a call would
/// do: the techniques heard, the anger change and its reasons, the reaction, the line and why that line.
/// </summary>
public sealed class PersonaTryout(ITurnAnalyzer analyzer, OfflineCustomerEngine customer)
{
    /// <summary>The seed when none is given, so the same sentence always gets the same answer.</summary>
    public const int DefaultSeed = 1;

    /// <param name="difficulty">A level name of the persona's own; null for its default.</param>
    /// <param name="anger">The customer's anger before the line (0-100); null for the persona's starting anger at that difficulty.</param>
    /// <exception cref="AuthoringInputException">No words, or an anger outside 0-100.</exception>
    /// <exception cref="UnknownDifficultyException">The persona has no such level.</exception>
    public async Task<TryoutResult> TryAsync(
        PersonaDefinition persona, string text, string? difficulty = null, int? anger = null, int seed = DefaultSeed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(persona);
        var words = (text ?? "").Trim();
        if (words.Length == 0)
        {
            throw new AuthoringInputException("Give the trainee's words to try, e.g. personas try " + persona.Id + " \"I'm so sorry, that sounds awful.\"");
        }
        if (anger is < 0 or > 100)
        {
            throw new AuthoringInputException($"Anger must be between 0 and 100, not {anger}.");
        }
        var call = RehearsalCall.Start(persona, difficulty, seed, anger, analyzer, customer);
        var turn = await call.SayAsync(words, ct: ct);
        var step = turn.Step;
        return new TryoutResult(
            persona.Id,
            call.Engine.Difficulty,
            seed,
            words,
            step.Analysis.Matches,
            step.Before.Anger,
            step.After.Anger,
            MoodStateIds.FromAnger(step.Before.Anger),
            step.Mood,
            step.Update.Reasons,
            step.Update.Reaction,
            step.Outcome,
            step.Update.CoreNeedMet,
            call.Opening.Text,
            turn.Reply);
    }
}

/// <summary>What one trainee sentence did to a persona (see <see cref="PersonaTryout"/>).</summary>
/// <param name="Difficulty">The level played, spelled as in the persona file.</param>
/// <param name="Techniques">What the live analyser heard, with the words that showed each technique.</param>
/// <param name="Reasons">Why the anger moved, one phrase per cause ("empathy -8", "floor 35: core need not met").</param>
/// <param name="Reaction">What the customer reacts to: a technique id or a call moment.</param>
/// <param name="Opening">The customer's opening line the sentence answers.</param>
/// <param name="Reply">The customer's line and where each piece of it came from.</param>
public sealed record TryoutResult(
    string PersonaId,
    string Difficulty,
    int Seed,
    string Text,
    IReadOnlyList<TechniqueMatch> Techniques,
    int AngerBefore,
    int AngerAfter,
    MoodState MoodBefore,
    MoodState MoodAfter,
    IReadOnlyList<string> Reasons,
    string Reaction,
    CallOutcome Outcome,
    bool CoreNeedMet,
    string Opening,
    CustomerLine Reply)
{
    public int Change => AngerAfter - AngerBefore;
}
