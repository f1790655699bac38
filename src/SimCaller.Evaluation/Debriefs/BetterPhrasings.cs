using SimCaller.Core.Techniques;

namespace SimCaller.Evaluation.Debriefs;

/// <summary>
/// Coaching per technique: what to do differently when it went wrong or was missing, with an example.
/// The examples are deliberately general; the suggestion ties them to a line of the call.
/// </summary>
internal static class BetterPhrasings
{
    public sealed record Coaching(string Advice, string Example);

    /// <summary>For a harmful move the trainee made.</summary>
    public static Coaching ForHarm(Technique technique) => technique switch
    {
        Technique.Cliche => new("A stock phrase sounds scripted to someone upset. Name their actual situation instead.",
            "\"Being left without it the day you needed it most, that's a rotten position to be in.\""),
        Technique.Blame => new("Pointing at the customer, a partner or the policy makes them defend themselves. Own it and move to the fix.",
            "\"That one's on us. Here's what I'm going to do to put it right.\""),
        Technique.Dismissive => new("Shrinking the problem or telling them how to feel inflames it. Acknowledge how big it is for them.",
            "\"I can see why this matters so much to you. Let's get it sorted.\""),
        Technique.Refusal => new("A flat no leaves them nowhere to go. Lead with what you can do, even when the first ask is off the table.",
            "\"I can't do that one, but what I can do is this. Would that help?\""),
        Technique.Defensive => new("Reminding them what you said, or protecting your position, turns it into an argument. Re-explain without the reproach.",
            "\"Let me put that more clearly, because it matters: ...\""),
        Technique.Rude => new("Impatience or sarcasm tells them they are a nuisance. Slow down and give them the floor.",
            "\"Take your time, tell me the rest and I'll note it all down.\""),
        _ => ForMissing(technique),
    };

    /// <summary>For a helpful move that was missing or could be stronger.</summary>
    public static Coaching ForMissing(Technique technique) => technique switch
    {
        Technique.Empathy => new("Acknowledge the feeling before fixing anything; it lowers the temperature fastest.",
            "\"That sounds really stressful, especially with everything riding on it.\""),
        Technique.Apology => new("Apologise for the specific thing that went wrong, not for 'any inconvenience'.",
            "\"I'm sorry we let you down on that delivery.\""),
        Technique.Paraphrase => new("Play the problem back in your own words so they know you heard it.",
            "\"So you were charged twice this month and want the extra payment back, is that right?\""),
        Technique.ClarifyingQuestion => new("Ask for the one fact you need before acting, instead of guessing.",
            "\"Could you give me the reference on the email so I can find it straight away?\""),
        Technique.Solution => new("Offer something concrete, framed as what you can do.",
            "\"Here's what I can do: I'll book the first slot tomorrow and waive the fee.\""),
        Technique.Ownership => new("Take it on personally so they know someone is holding the problem.",
            "\"I'll follow this through myself and ring you once it's done.\""),
        Technique.Expectation => new("Say what happens next and when, with a specific time.",
            "\"You'll get a confirmation email within the hour, and the refund lands in three to five working days.\""),
        Technique.CheckSatisfaction => new("Before closing, check the answer really works for them.",
            "\"Does that sort it for you, or is there anything still bothering you?\""),
        Technique.Gratitude => new("Thank them for their patience or for raising it; it recognises the effort the call cost them.",
            "\"Thanks for bearing with me while I checked that.\""),
        Technique.Boundary => new("Name the abuse calmly, keep offering help, and say what happens if it continues.",
            "\"I want to help you with this, and I can do that as long as we leave the insults out.\""),
        Technique.Redirect => new("Acknowledge the tangent briefly, then steer back to the problem you can solve today.",
            "\"I hear you on that. Let's park it for a moment and get your bill fixed first.\""),
        Technique.EscalationOffer => new("When you have tried and the customer is beyond calming, offer a supervisor or specialist rather than letting them hang up; do not hand over before trying.",
            "\"I'd like to bring in my team leader, who can approve more than I can. Shall I do that now?\""),
        _ => ForHarm(technique),
    };
}
