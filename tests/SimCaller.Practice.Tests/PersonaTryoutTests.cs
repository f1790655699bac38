using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Voice;
using SimCaller.Practice.Authoring;

namespace SimCaller.Practice.Tests;

/// <summary>
/// `personas try` in the domain: one sentence through the live call's engine, analyser (the rules here) and
/// offline customer, and the explanation of the line.
/// </summary>
public sealed class PersonaTryoutTests : IDisposable
{
    private readonly PracticeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private PersonaTryout Tryout => _harness.Get<PersonaTryout>();

    private PersonaDefinition Persona(string id) => _harness.Get<PersonaCatalog>().Find(id)!;

    public static TheoryData<string> Personas()
    {
        var data = new TheoryData<string>();
        foreach (var id in new PersonaCatalog(PersonaLocator.ResolveDirectory(null), watch: false).Ids)
        {
            data.Add(id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task Try_says_exactly_what_the_first_turn_of_a_live_call_says(string id)
    {
        foreach (var (text, seed) in new[] { ("I'm so sorry, that sounds really stressful.", 3), ("Calm down, it's not a big deal.", 8), ("Can I take your name, please?", 21) })
        {
            var tried = await Tryout.TryAsync(Persona(id), text, difficulty: "hard", seed: seed);
            var started = await _harness.Service.StartAsync(new StartSessionRequest(id, "hard", seed));
            var live = await _harness.Service.TakeTurnAsync(started.SessionId, new TraineeTurn(text));

            Assert.Equal(started.OpeningLine, tried.Opening);
            Assert.Equal(started.Anger, tried.AngerBefore);
            Assert.Equal(live.CustomerLine, tried.Reply.Text);
            Assert.Equal(live.Anger, tried.AngerAfter);
            Assert.Equal(live.Update.Reasons, tried.Reasons);
            Assert.Equal(live.Update.Reaction, tried.Reaction);
            Assert.Equal(live.Analysis.Techniques, tried.Techniques.Select(t => t.Technique).Distinct().Order());
        }
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task The_line_is_one_of_the_persona_s_own_lines_for_that_reaction_and_mood(string id)
    {
        var persona = Persona(id);
        var lines = PersonaLines.Of(persona).ToDictionary(l => l.Id);

        var result = await Tryout.TryAsync(persona, "I'm so sorry, that sounds really stressful.", anger: 70);

        var main = result.Reply.Main;
        Assert.Contains(main.Kind, new[] { LineKinds.Line, LineKinds.Cue });
        var written = lines[main.Id!];
        Assert.Equal(written.Text, main.Text);
        Assert.StartsWith(main.Text, result.Reply.Text);
        Assert.Equal(result.Reaction, main.Reaction);
        Assert.Equal(result.MoodAfter, main.Mood);
        // Every shipped persona writes lines for every mood of the moves it reacts to, so nothing is borrowed.
        Assert.False(main.IsBorrowed, $"{main.Id} was borrowed for {result.Reaction} at {result.MoodAfter}");
        Assert.Equal(result.Reaction, written.Reaction);
        Assert.Equal(result.MoodAfter, written.Mood);
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task Calming_words_lower_anger_and_inflaming_ones_raise_it_each_with_its_reasons(string id)
    {
        var persona = Persona(id);

        var calming = await Tryout.TryAsync(persona, "I'm so sorry, that sounds really stressful.", anger: 75);
        var inflaming = await Tryout.TryAsync(persona, "Calm down, it's not a big deal.", anger: 50);

        Assert.Equal(75, calming.AngerBefore);
        Assert.True(calming.Change < 0, $"{id}: {string.Join(", ", calming.Reasons)}");
        Assert.Contains(calming.Reasons, r => r.StartsWith("empathy -", StringComparison.Ordinal) || r.StartsWith("apology -", StringComparison.Ordinal));
        Assert.Equal(50, inflaming.AngerBefore);
        Assert.True(inflaming.Change > 0, $"{id}: {string.Join(", ", inflaming.Reasons)}");
        Assert.Contains(inflaming.Reasons, r => r.StartsWith("dismissive +", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task A_question_about_a_fact_names_the_fact_and_the_answer_it_gave(string id)
    {
        var persona = Persona(id);
        var lines = PersonaLines.Of(persona).ToDictionary(l => l.Id);
        var index = persona.Scenario.Facts.FindIndex(f => f.Answers.Count > 0);
        var fact = persona.Scenario.Facts[index];

        var result = await Tryout.TryAsync(persona, $"Could you tell me your {fact.Topic}, please?");

        var main = result.Reply.Main;
        Assert.Equal(LineKinds.Fact, main.Kind);
        Assert.Equal(fact.Topic, main.Fact);
        Assert.StartsWith($"scenario.facts[{index}].answers[", main.Id);
        Assert.Equal(lines[main.Id!].Text, main.Text);
        Assert.NotNull(main.Keyword);
    }

    [Fact]
    public async Task The_keyword_that_chose_the_fact_is_named()
    {
        var result = await Tryout.TryAsync(Persona("worried-pensioner"), "What's your postcode?");

        Assert.Equal("home address", result.Reply.Main.Fact);
        Assert.Equal("postcode", result.Reply.Main.Keyword);
        Assert.Contains("KB3 9PL", result.Reply.Text);
    }

    [Fact]
    public async Task A_cued_line_names_the_phrase_that_let_it_speak()
    {
        var result = await Tryout.TryAsync(Persona("worried-pensioner"), "Calm down, it's only a bill.", anger: 45);

        var main = result.Reply.Main;
        Assert.Equal("dismissive", result.Reaction);
        Assert.Equal(LineKinds.Cue, main.Kind);
        Assert.Equal("calm down", main.Keyword);
        Assert.StartsWith($"lines.reactions.dismissive.{result.MoodAfter.ToString().ToLowerInvariant()}[", main.Id);
    }

    [Fact]
    public async Task Difficulty_names_are_the_persona_s_own_and_anger_defaults_to_its_start_there()
    {
        var persona = Persona("worried-pensioner");

        var easy = await Tryout.TryAsync(persona, "Hello, how can I help?", difficulty: "EASY");
        var hard = await Tryout.TryAsync(persona, "Hello, how can I help?", difficulty: "hard");

        Assert.Equal("easy", easy.Difficulty);
        Assert.Equal(persona.StartingAnger + persona.Difficulties["easy"].StartingAngerOffset, easy.AngerBefore);
        Assert.Equal(persona.StartingAnger + persona.Difficulties["hard"].StartingAngerOffset, hard.AngerBefore);
        await Assert.ThrowsAsync<UnknownDifficultyException>(() => Tryout.TryAsync(persona, "Hello", difficulty: "medium"));
    }

    [Fact]
    public async Task No_words_or_an_anger_outside_0_to_100_is_refused_with_the_reason()
    {
        var persona = Persona("stressed-traveler");

        var empty = await Assert.ThrowsAsync<AuthoringInputException>(() => Tryout.TryAsync(persona, "   "));
        var high = await Assert.ThrowsAsync<AuthoringInputException>(() => Tryout.TryAsync(persona, "Hello", anger: 101));
        var low = await Assert.ThrowsAsync<AuthoringInputException>(() => Tryout.TryAsync(persona, "Hello", anger: -1));

        Assert.Contains("words", empty.Message);
        Assert.Contains("between 0 and 100", high.Message);
        Assert.Contains("-1", low.Message);
    }
}
