using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;

namespace SimCaller.Persona.Voice;

/// <summary>
/// The offline engine's last resort when a persona file lacks material: short generic lines
/// filled in from the scenario, so the customer never falls silent or steps out of character.
/// </summary>
public static class FallbackLines
{
    /// <summary>Something any customer of this scenario could say in this mood.</summary>
    public static IReadOnlyList<string> General(Scenario scenario, MoodState mood)
    {
        var thing = Thing(scenario);
        return mood switch
        {
            MoodState.Calm => [$"Okay. So what happens with {thing} now?", $"Alright, I just want {thing} sorted out."],
            MoodState.Annoyed => [$"Right. And {thing}? That's what I called about.", $"Fine, but I still need {thing} dealt with."],
            MoodState.Frustrated => [$"Look, I just need {thing} fixed. Can you do that or not?", $"I keep explaining this. It's about {thing}."],
            MoodState.Angry => [$"This is ridiculous. Fix {thing}, now.", $"I'm getting nowhere here and {thing} is still a mess!"],
            _ => [$"I have had it! Somebody fix {thing} today!", $"Unbelievable. Nobody there cares about {thing}, do they?"],
        };
    }

    /// <summary>The first line when the persona gives no opening lines.</summary>
    public static IReadOnlyList<string> Opening(Scenario scenario)
    {
        var company = string.IsNullOrWhiteSpace(scenario.Company) ? "you people" : scenario.Company.Trim();
        return [$"Hello? I'm calling about {Thing(scenario)}, and I'm not happy with {company}."];
    }

    /// <summary>Answer to "are you a bot?": the irritated human the customer is.</summary>
    public static IReadOnlyList<string> NotABot(Scenario scenario, MoodState mood)
    {
        var thing = Thing(scenario);
        return mood <= MoodState.Annoyed
            ? [$"A bot? No, I'm a real person, and I'd like {thing} sorted.", $"What? Of course I'm real. Can we get back to {thing}?"]
            : [$"Am I a bot? I'm a very real, very fed up customer. Deal with {thing}!", $"Oh, that's rich. I'm a real person and {thing} is a real problem!"];
    }

    /// <summary>When the trainee asks for something the persona's facts do not cover.</summary>
    public static IReadOnlyList<string> DoNotKnow(Scenario scenario, MoodState mood)
    {
        var company = string.IsNullOrWhiteSpace(scenario.Company) ? "the company" : scenario.Company.Trim();
        return mood <= MoodState.Annoyed
            ? ["Sorry, I don't know that one. Isn't it on your system?", "I'm not sure, honestly. Can you look it up?"]
            : [$"How would I know that? You're {company}!", "I don't have that. Shouldn't it be on your screen?"];
    }

    /// <summary>When the trainee asks something unrelated to the problem: puzzled while calm, impatient once upset.</summary>
    public static IReadOnlyList<string> OffTopic(Scenario scenario, MoodState mood)
    {
        var thing = Thing(scenario);
        return mood switch
        {
            MoodState.Calm => [$"Sorry, what's that got to do with {thing}?", "I'm not sure why you're asking me that."],
            MoodState.Annoyed => [$"Why are you asking me that? I called about {thing}.", "Is that relevant? Because I don't see how."],
            MoodState.Frustrated => [$"What? How does that help with {thing}?", "I don't have time for small talk. Can we stick to my problem?"],
            _ => [$"Are you serious? Forget that and deal with {thing}!", "Why on earth are you asking me that? Fix my problem!"],
        };
    }

    private static string Thing(Scenario scenario)
    {
        var product = scenario.Product.Trim();
        if (product.Length == 0)
        {
            return "my problem";
        }
        // "the Premium plan" reads fine as is; a bare noun gets "my".
        var first = product.Split(' ')[0].ToLowerInvariant();
        return first is "the" or "a" or "an" or "my" or "our" ? product : "my " + product;
    }
}
