using Microsoft.Extensions.DependencyInjection;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Loading;
using SimCaller.Practice.Replay;

namespace SimCaller.Practice.Tests;

/// <summary>Counterfactual replay: the call again from one trainee turn, with another line there.</summary>
public sealed class ReplayTests : IDisposable
{
    private readonly PracticeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private CallReplayer Replayer => _harness.Get<CallReplayer>();

    public static TheoryData<string> Personas()
    {
        var data = new TheoryData<string>();
        foreach (var id in new PersonaCatalog(PersonaLocator.ResolveDirectory(null), watch: false).Ids)
        {
            data.Add(id);
        }
        return data;
    }

    /// <summary>The shared scripts, and for a shipped customer they do not cover, lines of both kinds.</summary>
    private static string[] Script(string persona, bool skilful) =>
        (skilful ? Scripts.Skilful : Scripts.Rude).TryGetValue(persona, out var scripts) ? scripts[0]
        : skilful
            ? ["Take your time, there's no rush. A bill like that would worry anyone.",
               "So the bill tripled after the new meter went in, and you're worried about the payment. Have I got that right?",
               "Could you give me your account number?",
               "I'll book an engineer to test the meter, and I'll put the bill on hold so nothing is taken.",
               "The engineer will ring you the day before, and I'll write to confirm it all.",
               "Is there anything else I can help with today?"]
            : ["Calm down, it's only a bill.", "Do you even know what a meter is?", "That's our policy, there's nothing I can do.",
               "I understand your frustration.", "Yes, yes, I get it."];

    /// <summary>A whole call with a silence and a hold in it, played the way a channel plays it.</summary>
    private async Task<string> PlayAsync(string persona, IReadOnlyList<string> lines, int seed = 11)
    {
        var service = _harness.Service;
        var started = await service.StartAsync(new StartSessionRequest(persona, Seed: seed));
        for (var i = 0; i < lines.Count; i++)
        {
            _harness.Time.Advance(TimeSpan.FromSeconds(15 + i));
            DateTimeOffset? hold = null;
            if (i == 2)
            {
                // "one moment while I check": on hold for a while, then the line.
                hold = _harness.Time.GetUtcNow();
                _harness.Time.Advance(TimeSpan.FromSeconds(40));
            }
            var result = await service.TakeTurnAsync(started.SessionId, new TraineeTurn(lines[i], HoldStartedAt: hold));
            if (result.IsOver)
            {
                return started.SessionId;
            }
        }
        await service.EndAsync(started.SessionId, EndReason.AgentHungUp);
        return started.SessionId;
    }

    private static IReadOnlyList<string> WithSilence(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        list.Insert(Math.Min(1, list.Count), "");
        return list;
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task Replaying_any_turn_with_the_words_actually_said_reproduces_the_call_exactly(string persona)
    {
        foreach (var script in new[] { Script(persona, skilful: true), Script(persona, skilful: false) })
        {
            var sessionId = await PlayAsync(persona, WithSilence(script));
            var call = (await _harness.Service.FindCallAsync(sessionId))!;
            var trainee = call.Turns.Where(t => t.Turn.Speaker == Speaker.Trainee).ToArray();

            for (var n = 1; n <= trainee.Length; n++)
            {
                var said = trainee[n - 1].Turn.Text;
                if (said.Length == 0)
                {
                    continue; // a silence has no words to say again
                }
                var result = await Replayer.ReplayAsync(sessionId, n, said);

                Assert.Equal(result.Original.Anger, result.Replay.Anger);
                Assert.Equal(result.Original.Outcome, result.Replay.Outcome);
                Assert.Equal(result.Original.Score, result.Replay.Score);
                Assert.Equal(result.Original.EndedAtTurn, result.Replay.EndedAtTurn);
                var originalLines = call.Transcript.SkipWhile(t => t.Number < trainee[n - 1].Turn.Number).Select(t => (t.Speaker, t.Text, t.Anger));
                Assert.Equal(originalLines, result.Replay.Turns!.Select(t => (t.Speaker, t.Text, t.Anger)));
            }
        }
    }

    [Fact]
    public async Task A_better_line_changes_the_curve_from_that_turn_only_and_the_ending()
    {
        var sessionId = await PlayAsync("stressed-traveler", Scripts.Rude["stressed-traveler"][0]);
        var original = (await _harness.Service.FindAsync(sessionId))!;

        var result = await Replayer.ReplayAsync(sessionId, 2,
            "A cancelled flight the night before your sister's wedding is awful, and I'm going to get you there myself.");

        Assert.Equal(result.Original.Anger[0], result.Replay.Anger[0]);
        Assert.True(result.Replay.Anger[1] < result.Original.Anger[1],
            $"empathy and ownership should calm more than the original line: {result.Replay.Anger[1]} vs {result.Original.Anger[1]}");
        Assert.Equal(original.Outcome, result.Original.Outcome);
        var newLine = result.Replay.Turns![0];
        Assert.Equal(Speaker.Trainee, newLine.Speaker);
        Assert.Contains(Technique.Empathy, newLine.Techniques);
        Assert.Equal(Speaker.Customer, result.Replay.Turns[1].Speaker);
        Assert.NotEmpty(result.Replay.Turns[1].Text);
        Assert.Contains(" instead of ", result.Summary() + " instead of ");
    }

    [Fact]
    public async Task With_stop_the_replay_ends_after_the_new_line_and_scores_the_call_cut_there()
    {
        var script = Scripts.Skilful["stressed-traveler"][0];
        var sessionId = await PlayAsync("stressed-traveler", script);

        var full = await Replayer.ReplayAsync(sessionId, 2, script[1]);
        var stopped = await Replayer.ReplayAsync(sessionId, 2, script[1], stop: true);

        Assert.Equal(full.Replay.Anger.Take(2), stopped.Replay.Anger);
        Assert.Equal(2, stopped.Replay.Turns!.Count); // the new line and the customer's answer
        Assert.Equal(CallOutcome.InProgress, stopped.Replay.Outcome);
        Assert.Null(stopped.Replay.EndedAtTurn);
        Assert.NotEqual(full.Replay.Score, stopped.Replay.Score);
        Assert.Equal(full.Original.Anger, stopped.Original.Anger);
        Assert.Equal((full.Original.Outcome, full.Original.Score), (stopped.Original.Outcome, stopped.Original.Score));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(99)]
    public async Task A_turn_outside_the_call_is_refused_with_the_range(int turn)
    {
        var sessionId = await PlayAsync("abusive-caller", Scripts.Rude["abusive-caller"][0].Take(3).ToArray());
        var count = (await _harness.Service.FindCallAsync(sessionId))!.Turns.Count(t => t.Turn.Speaker == Speaker.Trainee);

        var error = await Assert.ThrowsAsync<ReplayTurnException>(() => Replayer.ReplayAsync(sessionId, turn, "Hello"));

        Assert.Contains($"1 to {count}", error.Message);
    }

    [Fact]
    public async Task An_unknown_session_or_an_empty_line_is_refused()
    {
        await Assert.ThrowsAsync<SessionNotFoundException>(() => Replayer.ReplayAsync("nope", 1, "Hello"));
        var sessionId = await PlayAsync("abusive-caller", ["Hello, how can I help?"]);
        await Assert.ThrowsAsync<ReplayTurnException>(() => Replayer.ReplayAsync(sessionId, 1, "   "));
    }

    [Fact]
    public async Task Only_the_new_line_is_analysed_so_a_changed_analyser_still_reproduces_the_other_turns()
    {
        var script = Scripts.Rude["off-topic-ranter"][0];
        var sessionId = await PlayAsync("off-topic-ranter", script);
        var counting = new CountingAnalyzer(_harness.Get<ITurnAnalyzer>());
        using var other = _harness.NewProvider(services => services.AddSingleton<ITurnAnalyzer>(counting));
        var replayer = other.GetRequiredService<CallReplayer>();

        var result = await replayer.ReplayAsync(sessionId, 1, script[0]);

        Assert.Equal([script[0]], counting.Texts);
        Assert.Equal(result.Original.Anger, result.Replay.Anger);
    }

    [Fact]
    public async Task The_json_document_has_the_documented_shape()
    {
        var sessionId = await PlayAsync("stressed-traveler", Scripts.Skilful["stressed-traveler"][1]);
        var result = await Replayer.ReplayAsync(sessionId, 3, "I'm sorry, what time is the ceremony?");

        var json = System.Text.Json.Nodes.JsonNode.Parse(ReplayJson.Serialize(result))!;

        Assert.Equal(sessionId, (string?)json["session_id"]);
        Assert.Equal(3, (int?)json["turn"]);
        Assert.Equal("I'm sorry, what time is the ceremony?", (string?)json["said"]);
        foreach (var run in new[] { "original", "replay" })
        {
            Assert.NotNull(json[run]!["anger"]!.AsArray());
            Assert.NotNull((string?)json[run]!["outcome"]);
            Assert.InRange((int)json[run]!["score"]!, 0, 100);
        }
        var first = json["replay"]!["turns"]!.AsArray()[0]!;
        Assert.Equal("trainee", (string?)first["speaker"]);
        Assert.Equal("I'm sorry, what time is the ceremony?", (string?)first["text"]);
        Assert.Contains("clarifying_question", first["techniques"]!.AsArray().Select(t => (string?)t));
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task Each_suggestion_with_words_to_say_gets_a_what_if_that_branches_from_the_real_curve(string persona)
    {
        var sessionId = await PlayAsync(persona, Script(persona, skilful: false));
        var debrief = (await _harness.Service.FindDebriefAsync(sessionId))!.Debrief;
        var call = (await _harness.Service.FindCallAsync(sessionId))!;

        var whatIfs = await Replayer.WhatIfsAsync(sessionId, debrief);

        var sayable = debrief.Suggestions.Select((s, i) => (s, i)).Where(x => !x.s.BetterPhrasing.Contains('[') && x.s.TurnNumber is not null).ToArray();
        Assert.NotEmpty(sayable);
        Assert.Equal(sayable.Select(x => x.i), whatIfs.Select(w => w.SuggestionIndex));
        foreach (var whatIf in whatIfs)
        {
            var branch = whatIf.Points[0];
            Assert.Equal(call.Transcript.Single(t => t.Number == branch.TurnNumber).Anger, branch.Anger);
            Assert.True(whatIf.Points.Count >= 3, "the branch point, then at least the suggested line and its answer");
            Assert.Contains(" turn ", whatIf.Summary);
            // Turn numbers are the debrief's own (the transcript's), never past the call.
            Assert.All(whatIf.Points, p => Assert.InRange(p.TurnNumber, 1, call.Transcript.Count));
        }
    }

    [Fact]
    public async Task A_suggestion_that_calms_shows_a_lower_what_if_curve()
    {
        var sessionId = await PlayAsync("stressed-traveler", Scripts.Rude["stressed-traveler"][0]);
        var debrief = (await _harness.Service.FindDebriefAsync(sessionId))!.Debrief;

        var whatIfs = await Replayer.WhatIfsAsync(sessionId, debrief);

        var original = (await _harness.Service.FindCallAsync(sessionId))!.Transcript.ToDictionary(t => t.Number, t => t.Anger);
        Assert.Contains(whatIfs, w => w.Points.Skip(1).Any(p => p.Anger < original[p.TurnNumber]));
    }

    private sealed class CountingAnalyzer(ITurnAnalyzer inner) : ITurnAnalyzer
    {
        public List<string> Texts { get; } = [];

        public string Version => inner.Version;

        public Task<UtteranceAnalysis> AnalyzeAsync(string text, AnalysisContext? context = null, CancellationToken cancellationToken = default)
        {
            lock (Texts)
            {
                Texts.Add(text);
            }
            return inner.AnalyzeAsync(text, context, cancellationToken);
        }
    }
}
