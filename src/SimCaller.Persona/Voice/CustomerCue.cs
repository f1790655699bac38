using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SimCaller.Core.Calls;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;

namespace SimCaller.Persona.Voice;

/// <summary>
/// The structured state behind a customer turn. It rides in the system message's metadata, which
/// OpenAI connectors do not send, so one ChatHistory serves a model and the offline engine alike
/// and the engine never has to parse prose.
/// </summary>
/// <param name="Reaction">What the customer answers to: a technique id, a call moment, or "opening".</param>
/// <param name="LastTraineeText">The trainee's most recent words ("" for the opening or silence).</param>
public sealed record CustomerCue(
    PersonaDefinition Persona,
    MoodState Mood,
    int Anger,
    string Reaction,
    int Seed,
    int Turn,
    bool CoreNeedMet,
    string LastTraineeText)
{
    /// <summary>Metadata key of the cue on the system message.</summary>
    public const string MetadataKey = "simcaller.cue";

    /// <summary>Reaction of the first customer line, before the trainee has said anything.</summary>
    public const string OpeningReaction = "opening";

    public bool IsOpening => Reaction == OpeningReaction;

    public static CustomerCue From(CustomerReplyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reaction = request.LastUpdate is null
            ? OpeningReaction
            : string.IsNullOrWhiteSpace(request.LastUpdate.Reaction) ? ReactionKeys.Neutral : request.LastUpdate.Reaction.Trim().ToLowerInvariant();
        var lastTrainee = request.History.LastOrDefault(t => t.Speaker == Speaker.Trainee).Text ?? "";
        return new CustomerCue(
            request.Persona,
            request.Mood,
            Math.Clamp(request.Anger, 0, 100),
            reaction,
            request.Seed,
            request.TurnNumber,
            request.LastUpdate?.CoreNeedMet ?? false,
            request.LastUpdate is null ? "" : lastTrainee);
    }

    /// <summary>The cue carried by the history's system message, if any.</summary>
    public static CustomerCue? Find(ChatHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        foreach (var message in history)
        {
            if (message.Role == AuthorRole.System
                && message.Metadata is not null
                && message.Metadata.TryGetValue(MetadataKey, out var value)
                && value is CustomerCue cue)
            {
                return cue;
            }
        }
        return null;
    }
}
