using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;

namespace SimCaller.Persona.Tests.Voice;

/// <summary>Small personas built in code, and reply requests for them.</summary>
internal static class VoiceFixture
{
    public static PersonaDefinition Traveller() => new()
    {
        Id = "test-traveller",
        Name = "Dana Price",
        Summary = "A traveller whose flight was cancelled the night before her sister's wedding.",
        Personality = "Organised, stressed, proud of planning ahead.",
        SpeakingStyle = "Quick sentences, spells out codes letter by letter.",
        Scenario = new Scenario
        {
            Company = "Skyline Air",
            Product = "flight to Denver",
            Problem = "Her 7pm flight was cancelled with a text message and no rebooking.",
            Keywords = ["flight", "cancelled", "denver", "wedding"],
            Facts =
            [
                new Fact
                {
                    Topic = "booking reference",
                    Keywords = ["booking", "reference", "confirmation", "pnr"],
                    Value = "QX7R2M",
                    Answers = ["It's {value}. Q, X, seven, R, two, M.", "The booking reference is {value}."],
                },
                new Fact
                {
                    Topic = "flight number",
                    Keywords = ["flight number"],
                    Value = "SK 418",
                    Answers = ["Flight {value}, seven in the evening."],
                },
            ],
        },
        OpeningLines = ["Hi, my flight to Denver just got cancelled by text and I need to be at a wedding tomorrow."],
        Needs = new Needs { Core = "Rebooked on a flight landing in Denver before noon tomorrow", CoreKeywords = ["rebook"] },
        StartingAnger = 60,
        Behaviours = new Behaviours
        {
            DemandsManagerAbove = 95,
            TangentChance = 0,
            ManagerDemands = ["Put your supervisor on, please."],
        },
        Lines = new ReplyLines
        {
            Reactions = new()
            {
                ["neutral"] = new()
                {
                    ["calm"] = ["Okay, what's next then?"],
                    ["annoyed"] = ["Okay. And?", "Right, go on."],
                    ["angry"] = ["I'm still waiting for an actual answer.", "Are you going to help me or not?", "Hello? Anyone there?"],
                },
                ["dismissive"] = new()
                {
                    ["annoyed"] = ["Don't tell me to calm down. My sister's wedding is tomorrow."],
                    ["angry"] = ["Calm down? Seriously? You cancelled my flight!", "Do not tell me to calm down."],
                },
                ["apology"] = new()
                {
                    ["frustrated"] = ["Thanks, but sorry won't get me to Denver."],
                },
                ["solution"] = new()
                {
                    ["calm"] = ["Oh thank goodness, that works for me."],
                    ["annoyed"] = ["Fine, that could work. When does it land?"],
                },
                ["empathy"] = new()
                {
                    ["frustrated"] = ["Yes, exactly, it's a nightmare.", "Thank you, finally someone gets it.", "It really is awful timing."],
                },
                ["meta"] = new()
                {
                    ["angry"] = ["A bot? I'm a human being who's about to miss a wedding!"],
                },
                ["hang_up"] = new()
                {
                    ["furious"] = ["Forget it. I'm done with you people."],
                },
            },
            Reminders = ["I need to be in Denver before noon tomorrow."],
        },
    };

    public static PersonaDefinition Abuser()
    {
        var persona = Traveller();
        persona.Id = "test-abuser";
        persona.Name = "Rick Stone";
        persona.Behaviours = new Behaviours
        {
            Abusive = true,
            InsultsAbove = 70,
            Insults = ["You're useless, you know that?", "What an idiot.", "Are you thick or something?"],
        };
        return persona;
    }

    public static CustomerReplyRequest Opening(PersonaDefinition persona, int seed = 7) =>
        new(persona, "standard", seed, 0, persona.StartingAnger, MoodState.Angry, null, []);

    /// <summary>A reply request after the trainee said <paramref name="trainee"/>.</summary>
    public static CustomerReplyRequest After(
        PersonaDefinition persona,
        string trainee,
        string reaction,
        int anger,
        MoodState mood,
        int seed = 7,
        int turn = 1,
        IReadOnlyList<(Speaker, string)>? history = null,
        bool coreNeedMet = false,
        params Technique[] techniques)
    {
        var calls = new List<(Speaker, string)>(history ?? [(Speaker.Customer, persona.OpeningLines.FirstOrDefault() ?? "Hello?")])
        {
            (Speaker.Trainee, trainee),
        };
        var update = new MoodUpdate(anger, anger, mood, CallOutcome.InProgress, reaction, [], coreNeedMet, techniques);
        return new CustomerReplyRequest(persona, "standard", seed, turn, anger, mood, update, calls);
    }
}
