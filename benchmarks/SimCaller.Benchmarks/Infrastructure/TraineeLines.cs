using System.Text.RegularExpressions;

namespace SimCaller.Benchmarks.Infrastructure;

/// <summary>What trainees say to the stressed traveller, in typed and speech-to-text styles.</summary>
public static partial class TraineeLines
{
    /// <summary>
    /// <paramref name="line"/> with a marker inside every sentence, so each sentence (and the whole turn) is
    /// wording the embedding cache has not seen: a marker after the last full stop would be a sentence of its
    /// own, and the analyser would find the line's sentences already cached.
    /// </summary>
    public static string Fresh(string line, int marker) =>
        SentenceEnd().IsMatch(line) ? SentenceEnd().Replace(line, $" ({marker})$1") : $"{line} ({marker})";

    [GeneratedRegex(@"([.!?])(?=\s|$)")]
    private static partial Regex SentenceEnd();

    /// <summary>
    /// The middle of a call: acknowledging, gathering facts, restating the need, without yet offering the
    /// fix, so the call stays in progress for <see cref="MidCallTurnsPerSession"/> turns. Longer than the
    /// customer's six-line memory, so no line counts as a repeat.
    /// </summary>
    public static IReadOnlyList<string> MidCall { get; } =
    [
        "I'm so sorry, a cancelled flight the night before your sister's wedding is awful.",
        "Could I have your booking reference please?",
        "so you need to be in denver by nine tomorrow morning is that right",
        "Thank you, Dana. Can you spell your last name for me?",
        "let me pull up the flight details on my screen",
        "what time does the ceremony start tomorrow",
        "I can hear how worried you are, anyone would be.",
        "Which flight were you originally booked on?",
        "and the app only offered you the evening flight is that correct",
        "Bear with me a moment while I look at what we have out of Boston.",
        "do you have your frequent flyer number handy",
        "That must be really frustrating after waiting at the gate all evening.",
    ];

    /// <summary>Trainee turns per pooled session: well inside the persona's 24-turn limit.</summary>
    public const int MidCallTurnsPerSession = 16;

    /// <summary>A 20-turn call that starts badly and recovers: harmful moves, then empathy, facts, the fix and a check.</summary>
    public static IReadOnlyList<string> RecoveredCall { get; } =
    [
        "Skyline Air, how can I help?",
        "Sorry for any inconvenience caused.",
        "Flights get cancelled, there's nothing I can do about the weather.",
        "OK. I'm sorry, I didn't handle that well. A cancelled flight the night before your sister's wedding is awful.",
        "i can hear how stressful this is anyone would be upset",
        "Could I have your booking reference please?",
        "Thank you. And your full name as it appears on the booking?",
        "so you need to be in denver by nine tomorrow morning for the ceremony is that right",
        "Which flight were you originally on tonight?",
        "We let you down tonight, and I'm going to sort this out myself.",
        "Give me two minutes while I check every flight out of Boston before nine.",
        "do you have your loyalty number so i can see your status",
        "Nothing of ours leaves early enough, so I'm looking at other carriers for you.",
        "I know how much the wedding means, and the rings have to get there too.",
        "I'm also arranging a hotel voucher near the airport for tonight, in case you want a few hours of sleep.",
        "Thanks for bearing with me, I know every minute counts right now.",
        "i'm nearly there i just need the system to confirm the seat",
        "i've booked you on the six oh five morning flight tomorrow a confirmed seat landing in denver at eight fifteen",
        "It's seat fourteen C, an aisle, so you can be first off the plane.",
        "Your confirmation email will arrive within five minutes, and I'll stay on the line until it does. Does that work for you?",
    ];

    /// <summary>Single utterances for the analyser, by a short name for the results table.</summary>
    public static IReadOnlyDictionary<string, string> Utterances { get; } = new Dictionary<string, string>
    {
        ["empathy-typed"] = "Oh no, a cancelled flight the night before your sister's wedding, that's awful. I'm so sorry this happened.",
        ["paraphrase-stt"] = "um so you need to be in denver by nine tomorrow morning for the wedding is that right",
        ["solution-stt"] = "okay i've booked you on the six oh five flight tomorrow morning a confirmed seat landing at eight fifteen and you'll get the email in five minutes",
        ["rude-typed"] = "Calm down, it's just a flight. Sorry for any inconvenience, but rules are rules and there's nothing I can do.",
    };
}
