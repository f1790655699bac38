using SimCaller.Core.Calls;
using SimCaller.Persona.Definitions;

namespace SimCaller.Practice.Authoring;

/// <summary>One trainee turn of a scripted style: words (empty for silence), with the call events that came with them.</summary>
public sealed record TraineeMove(string Text, CallEvents Events = CallEvents.None, TimeSpan? Hold = null);

/// <summary>
/// A way a trainee might handle the call, as a script for one seeded call. Scripts are built from generic
/// customer-service phrases plus what the persona itself says it knows and needs (its facts' example
/// questions and topics, its need and partial keywords, its problem's keywords), never from its lines, so
/// every persona meets the same trainees.
/// </summary>
public sealed record TraineeStyle(string Id, string Description, Func<PersonaDefinition, Random, IReadOnlyList<TraineeMove>> Script);

/// <summary>The styles `personas coverage` plays.</summary>
public static class TraineeStyles
{
    private static readonly string[] Empathy =
    [
        "I'm so sorry, that sounds really stressful.",
        "That must be really frustrating, I can completely see why you're upset.",
        "Take your time, there's no rush at all.",
        "I can hear how worrying this is for you.",
        "No wonder you're upset, anyone would be.",
    ];

    private static readonly string[] Apology =
    [
        "I'm really sorry about this.",
        "I apologise, this should not have happened.",
        "I'm so sorry for the trouble this has caused you.",
    ];

    private static readonly string[] Gratitude =
    [
        "Thank you for your patience while we sort this out.",
        "Thanks for bearing with me.",
        "Thank you for explaining all that so clearly.",
    ];

    private static readonly string[] Acknowledge = ["Thank you.", "Okay, got that.", "Thanks, that's helpful.", "Right, noted."];

    private static readonly string[] CheckSatisfaction =
    [
        "Is there anything else I can help you with today?",
        "Does that sort things out for you?",
        "Are you happy with that plan?",
    ];

    private static readonly string[] Goodbye = ["Thank you for calling, have a good day. Goodbye.", "Take care now. Goodbye."];

    private static readonly string[] Harmful =
    [
        "Calm down, it's not a big deal.",
        "There's nothing to worry about.",
        "You should have checked that yourself.",
        "That's really your own fault.",
        "There's nothing I can do about that.",
        "I'm afraid I can't do that, it's company policy.",
        "We apologise for any inconvenience caused.",
        "Your call is important to us.",
        "Like I said, it's not my fault.",
        "Do you even understand what I'm saying?",
        "Obviously. Listen carefully, I'll say it slowly.",
        "Yeah, yeah, I heard you.",
    ];

    private static readonly string[] Fillers = ["Okay.", "Um, one moment.", "Right.", "Mm-hmm.", "Let me see.", "Hmm, bear with me.", "Still looking."];

    private static readonly string[] OffTopic =
    [
        "How's the weather where you are?",
        "Did you watch the match last night?",
        "What's your favourite colour?",
        "Do you have any pets?",
        "What are you having for dinner tonight?",
        "Have you been on holiday this year?",
        "Are you a robot?",
    ];

    public static IReadOnlyList<TraineeStyle> All { get; } =
    [
        new("empathetic", "empathetic and solution-focused: empathy, a paraphrase, a question, the need met, next steps, goodbye", Empathetic),
        new("dismissive", "dismissive and blaming: stock phrases, blame, refusals, talking over and talking down", Dismissive),
        new("stalling", "stalling: fillers, silences and a long hold, nothing done", Stalling),
        new("off_topic", "off-topic questions, one of them whether the customer is a bot", OffTopicStyle),
        new("fact_asking", "asks for the customer's details, one fact after another", FactAsking),
        new("recovering", "starts badly (stock phrases, blame, refusals), then recovers: apology, empathy, questions, the need met", Recovering),
        new("hand_off", "apologises, sets a limit, then offers a supervisor and transfers, or ends the call", HandOff),
        new("mixed", "mixed and realistic: a stock opening, questions, a refusal, an apology, a partial offer, then the need met", Mixed),
    ];

    private static IReadOnlyList<TraineeMove> Empathetic(PersonaDefinition persona, Random random) =>
    [
        new(Pick(random, Empathy)),
        new(Paraphrase(persona, random)),
        new(FactQuestion(persona, random) ?? Pick(random, Empathy)),
        new(Pick(random, Empathy)),
        new(Solution(persona, random)),
        new(Expectation()),
        new(Pick(random, CheckSatisfaction)),
        new(Pick(random, Gratitude)),
        new(Pick(random, Goodbye)),
    ];

    private static IReadOnlyList<TraineeMove> Dismissive(PersonaDefinition persona, Random random)
    {
        var moves = new List<TraineeMove>();
        for (var i = 0; i < 14; i++)
        {
            // Now and then the same brush-off again, or said over the customer.
            var text = i > 0 && random.NextDouble() < 0.2 ? moves[^1].Text : Pick(random, Harmful);
            moves.Add(new TraineeMove(text, random.NextDouble() < 0.15 ? CallEvents.TalkOver : CallEvents.None));
        }
        return moves;
    }

    private static IReadOnlyList<TraineeMove> Recovering(PersonaDefinition persona, Random random)
    {
        var moves = new List<TraineeMove>();
        for (var i = random.Next(2, 5); i > 0; i--)
        {
            moves.Add(new TraineeMove(Pick(random, Harmful)));
        }
        var recovery = new List<TraineeMove>
        {
            new(Pick(random, Apology)),
            new(Pick(random, Empathy)),
            new(Paraphrase(persona, random)),
            new(FactQuestion(persona, random) ?? Pick(random, Empathy)),
            new(Pick(random, Gratitude)),
        };
        moves.AddRange(Shuffle(random, recovery));
        moves.Add(new TraineeMove(Pick(random, Empathy)));
        moves.Add(new TraineeMove(Solution(persona, random)));
        moves.Add(new TraineeMove(Expectation()));
        moves.Add(new TraineeMove(Pick(random, CheckSatisfaction)));
        moves.Add(new TraineeMove(Pick(random, Goodbye)));
        return moves;
    }

    private static IReadOnlyList<TraineeMove> Stalling(PersonaDefinition persona, Random random)
    {
        var moves = new List<TraineeMove>();
        var holdAt = random.Next(2, 8);
        for (var i = 0; i < 12; i++)
        {
            moves.Add(i == holdAt
                ? new TraineeMove("Thanks for holding.", Hold: TimeSpan.FromSeconds(Math.Min(persona.Patience.HoldHangUpSeconds - 1, persona.Patience.HoldOkSeconds + 60)))
                : random.NextDouble() < 0.3 ? new TraineeMove("") : new TraineeMove(Pick(random, Fillers)));
        }
        return moves;
    }

    private static IReadOnlyList<TraineeMove> OffTopicStyle(PersonaDefinition persona, Random random) =>
        Shuffle(random, OffTopic).Take(6).Select(q => new TraineeMove(q)).ToArray();

    private static IReadOnlyList<TraineeMove> FactAsking(PersonaDefinition persona, Random random)
    {
        var moves = new List<TraineeMove> { new("Hello, I can help with that. Let me take a few details first.") };
        foreach (var fact in Shuffle(random, persona.Scenario.Facts))
        {
            moves.Add(new TraineeMove(Pick(random, QuestionsFor(fact))));
            if (random.NextDouble() < 0.5)
            {
                moves.Add(new TraineeMove(Pick(random, Acknowledge)));
            }
        }
        return moves;
    }

    private static IReadOnlyList<TraineeMove> HandOff(PersonaDefinition persona, Random random)
    {
        var transfer = random.NextDouble() < 0.5;
        return
        [
            new(Pick(random, Apology)),
            new(Pick(random, Harmful)),
            new("I want to help you, but if you keep shouting at me I will have to end this call."),
            transfer ? new("Would you like me to put you through to my supervisor?") : new(Pick(random, Harmful)),
            transfer ? new("I'm transferring you to my supervisor now.") : new("I'm ending this call now."),
        ];
    }

    private static IReadOnlyList<TraineeMove> Mixed(PersonaDefinition persona, Random random)
    {
        var middle = new List<TraineeMove>
        {
            new(FactQuestion(persona, random) ?? "Can you tell me what happened?"),
            new(Pick(random, Harmful)),
            new(Pick(random, Apology)),
            new(Paraphrase(persona, random)),
            new(Pick(random, Fillers)),
            new(FactQuestion(persona, random) ?? Pick(random, Fillers)),
        };
        if (PartialOffer(persona, random) is { } partial)
        {
            middle.Add(new TraineeMove(partial));
        }
        var moves = new List<TraineeMove> { new(random.NextDouble() < 0.5 ? "Thank you for calling, how can I help you today?" : "We apologise for any inconvenience caused.") };
        moves.AddRange(Shuffle(random, middle));
        moves.Add(new TraineeMove(Pick(random, Empathy)));
        moves.Add(new TraineeMove(Solution(persona, random)));
        moves.Add(new TraineeMove(Expectation()));
        moves.Add(new TraineeMove(Pick(random, CheckSatisfaction)));
        moves.Add(new TraineeMove(Pick(random, Goodbye)));
        return moves;
    }

    /// <summary>"Just to make sure I've understood" about one of the problem's own words.</summary>
    private static string Paraphrase(PersonaDefinition persona, Random random)
    {
        var topics = persona.Scenario.Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).ToArray();
        var topic = topics.Length > 0 ? Pick(random, topics) : Or(persona.Scenario.Product, "this");
        return $"Just to make sure I've understood: this is about your {topic.Trim()}, and it still isn't sorted, is that right?";
    }

    /// <summary>The persona's need met in words: one core keyword, or one keyword of each part of a several-part need.</summary>
    private static string Solution(PersonaDefinition persona, Random random)
    {
        var needs = persona.Needs;
        var offer = needs.IsAllOf()
            ? string.Join(" and ", needs.CoreParts.Select(p => p.Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).ToArray()).Where(k => k.Length > 0).Select(k => Pick(random, k).Trim()))
            : needs.CoreKeywords.Where(k => !string.IsNullOrWhiteSpace(k)).ToArray() is { Length: > 0 } keywords ? Pick(random, keywords).Trim() : "";
        return $"I will personally arrange {Or(offer, "a fix for this")} for you, right now.";
    }

    private static string? PartialOffer(PersonaDefinition persona, Random random) =>
        persona.Needs.PartialKeywords.Where(k => !string.IsNullOrWhiteSpace(k)).ToArray() is { Length: > 0 } partial
            ? $"What I can do for now is arrange {Pick(random, partial).Trim()} for you."
            : null;

    private static string Expectation() => "Here's what happens next: you will receive a confirmation by email within the hour, and I will call you back tomorrow morning to check.";

    private static string? FactQuestion(PersonaDefinition persona, Random random) =>
        persona.Scenario.Facts.Count == 0 ? null : Pick(random, QuestionsFor(Pick(random, persona.Scenario.Facts)));

    /// <summary>The fact's own example questions, else questions built from its topic and first keyword.</summary>
    private static IReadOnlyList<string> QuestionsFor(Fact fact)
    {
        var examples = fact.Examples.Where(e => !string.IsNullOrWhiteSpace(e)).ToArray();
        if (examples.Length > 0)
        {
            return examples;
        }
        var asked = new List<string> { $"What is your {Or(fact.Topic, "reference")}?" };
        if (fact.Keywords.FirstOrDefault(k => !string.IsNullOrWhiteSpace(k)) is { } keyword)
        {
            asked.Add($"Could you tell me the {keyword.Trim()}, please?");
        }
        return asked;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static List<T> Shuffle<T>(Random random, IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    private static string Or(string? text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();
}
