using SimCaller.Core.Techniques;

namespace SimCaller.Evaluation.Debriefs;

/// <summary>
/// Coaching per technique: what to do differently, with an example line. Examples are worded from this
/// call's own scenario (its problem, need and company) or the trainee's own words; without a scenario
/// they stay general, with [brackets] where the trainee fills in their customer's details. No example
/// names a product, place or event of its own: another customer's world must never leak into a debrief.
/// </summary>
internal sealed class BetterPhrasings(ScenarioWording world)
{
    public sealed record Coaching(string Advice, string Example);

    private string? Problem => world.Problem;

    private string OnUs => world.Company is { } company ? $"That one's on us at {company}." : "That one's on us.";

    /// <summary>For a harmful move the trainee made; <paramref name="phrase"/> is the trainee's words that showed it.</summary>
    public Coaching ForHarm(Technique technique, string? phrase = null) => Own(technique, technique switch
    {
        Technique.Cliche => new(
            (string.IsNullOrWhiteSpace(phrase) ? "A stock phrase" : $"A stock phrase like \"{Trimmed(phrase)}\"")
                + " sounds scripted to someone upset. Name their actual situation instead.",
            Problem is { } p
                ? Quote($"{ScenarioWording.Capitalized(p)}: that's a rotten position to be in, and I'd be upset too.")
                : Quote("Being left stuck with this when it matters most is a rotten position to be in.")),
        Technique.Blame => new("Pointing at the customer, a partner or the policy makes them defend themselves. Own it and move to the fix.",
            Quote($"{OnUs} Here's what I'm going to do to put it right.")),
        Technique.Dismissive => new("Shrinking the problem or telling them how to feel inflames it. Acknowledge how big it is for them.",
            Problem is { } p
                ? Quote($"{ScenarioWording.Capitalized(p)}. I can see why that matters so much to you, so let's get it sorted.")
                : Quote("I can see why this matters so much to you. Let's get it sorted.")),
        Technique.Refusal => new("A flat no leaves them nowhere to go. Lead with what you can do, even when the first ask is off the table.",
            world.PartialNeed is { } partial
                ? Quote($"I can't do that one, but what I can do is get you {partial}. Would that help?")
                : Quote("I can't do that one, but what I can do is [the closest thing you can offer]. Would that help?")),
        Technique.Defensive => new("Reminding them what you said, or protecting your position, turns it into an argument. Re-explain without the reproach.",
            Quote("Let me put that more clearly, because it matters: [the point, in one plain sentence].")),
        Technique.Rude => new("Impatience or sarcasm tells them they are a nuisance. Slow the pace and give them the floor.",
            Quote("Take your time and tell me the rest; I'm making a note of every detail.")),
        _ => ForMissing(technique),
    });

    /// <summary>For a helpful move that was missing or could be stronger.</summary>
    public Coaching ForMissing(Technique technique) => Own(technique, technique switch
    {
        Technique.Empathy => new("Acknowledge the feeling before fixing anything; it lowers the temperature fastest.",
            Problem is { } p
                ? Quote($"{ScenarioWording.Capitalized(p)}. That sounds really stressful, and I can hear how much it matters to you.")
                : Quote("That sounds really stressful, and I can hear how much it matters to you.")),
        Technique.Apology => new("Apologise for the specific thing that went wrong, not for 'any inconvenience'.",
            Problem is { } p ? Quote($"I'm sorry that {p}.") : Quote("I'm sorry that [what went wrong]; that should not have happened.")),
        Technique.Paraphrase => new("Play the problem back in your own words so they know you heard it.", Recap()),
        Technique.ClarifyingQuestion => new("Ask for the one fact you need before acting, instead of guessing.",
            world.FirstFact is { } fact
                ? Quote($"Could you give me your {fact}, so I can pull it up straight away?")
                : Quote("Could you give me [the one detail you need], so I can look it up straight away?")),
        Technique.Solution => new("Offer something concrete, framed as what you can do.", Offer()),
        Technique.Ownership => new("Take it on personally so they know someone is holding the problem.",
            Quote("I'll follow this through myself and get back to you as soon as it's done.")),
        Technique.Expectation => new("Say what happens next and when, with a specific time.",
            Quote("Here's what happens next: you'll have it in writing within the hour, and if anything changes I'll call you myself.")),
        Technique.CheckSatisfaction => new("Before closing, check the answer really works for them.",
            Quote("Does that sort it for you, or is there anything still bothering you?")),
        Technique.Gratitude => new("Thank them for their patience or for raising it; it recognises the effort the call cost them.",
            Quote("Thanks for bearing with me while I checked that.")),
        Technique.Boundary => new("Name the abuse calmly, keep offering help, and say what happens if it continues.",
            Quote("I want to help you with this, and I can do that as long as we leave the insults out.")),
        Technique.Redirect => new("Acknowledge the tangent briefly, then steer back to the problem you can solve today.",
            Problem is { } p
                ? Quote($"I hear you on that. Let's park it for a moment: {p}, and I want to get that sorted first.")
                : Quote("I hear you on that. Let's park it for a moment and sort out what you called about first.")),
        Technique.EscalationOffer => new("When you have tried and the customer is beyond calming, offer a supervisor or specialist rather than letting them hang up; do not hand over before trying.",
            Quote("I'd like to bring in my team leader, who can approve more than I can. Shall I do that now?")),
        _ => ForHarm(technique),
    });

    /// <summary>Example lines for a call that already went well: the finishing touches.</summary>
    public string Polish(Technique technique) => technique switch
    {
        Technique.Empathy => Problem is { } p
            ? Quote($"{ScenarioWording.Capitalized(p)}, of all things. I'd be beside myself too.")
            : Quote("Of all the times for this to happen. I'd be beside myself too."),
        Technique.Solution => world.Need is { } need && world.PartialNeed is { } partial
            ? Quote($"I can get you {need}, or, if you'd rather, {partial}. Which suits you better?")
            : Quote("I can do [the first option], or [the second option] if that suits you better. Which would you prefer?"),
        Technique.Paraphrase => Recap(),
        Technique.Expectation => Quote("You'll have it in writing within ten minutes; if it hasn't arrived by then, call back and quote the case number I'm giving you now."),
        Technique.CheckSatisfaction => Quote("Is there anything else about this that's still on your mind?"),
        Technique.Ownership => Quote("I'll keep an eye on this myself until it's done."),
        Technique.Gratitude => Quote("Thanks for bearing with me while I sorted that out."),
        _ => ForMissing(technique).Example,
    };

    /// <summary>A step forward, for when the trainee repeated themselves instead of moving on.</summary>
    public string StepForward() => world.Need is { } need
        ? Quote($"And here's what I'll do about it right now: let me get you {need}.")
        : Quote("And here's what I'll do about it right now: [the concrete step].");

    private string Recap() => (Problem, world.NeedAsObject) switch
    {
        ({ } p, { } n) => Quote($"So {p}, and what you need is {n}. Is that right?"),
        ({ } p, null) => Quote($"So {p}. Have I got that right?"),
        (null, { } n) => Quote($"So what you need from me is {n}, is that right?"),
        _ => Quote("So if I've got this right, [what went wrong], and what you need now is [what they asked for]. Is that right?"),
    };

    private string Offer() => world.Need is { } need
        ? Quote($"Here's what I can do: let me get you {need}.")
        : Quote("Here's what I can do right now: [the concrete step], and I'll confirm it before we finish.");

    private static string Quote(string line) => $"\"{line}\"";

    /// <summary>The trainer's own example line for this technique, written in the persona file, beats any worded here.</summary>
    private Coaching Own(Technique technique, Coaching coaching) =>
        world.OwnExample(technique) is { } line ? coaching with { Example = Quote(line) } : coaching;

    private static string Trimmed(string phrase) => phrase.Trim().TrimEnd('.', '!', ',');
}
