namespace SimCaller.Understanding;

/// <summary>
/// Questions any service call may need whatever the problem (who you are, what happened, how it affects
/// you, say that again). A question close to one of these, or to the customer's own problem, is on topic.
/// </summary>
public static class ServiceQuestions
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Can I take your name and your account or order number?",
        "What happened, and when did the problem start?",
        "How is this problem affecting you?",
        "What would you like us to do to put this right?",
        "Sorry, could you say that again?",
        "Where are you and how can I reach you?",
        "Who have you already spoken to about this?",
        "What are you worried about?",
    ];

    /// <summary>Below this similarity to the customer's problem and to every service question, a question is off-topic.</summary>
    // Low on purpose: it only catches questions clearly unrelated to anything of the call; the classifier,
    // trained on small talk left unlabelled, decides the rest.
    public const double OnTopicSimilarity = 0.2;
}
