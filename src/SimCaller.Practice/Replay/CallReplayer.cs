using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Debriefs;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using SimCaller.Practice.Engine;
using SimCaller.Practice.Internal;
using SimCaller.Practice.Storage;

namespace SimCaller.Practice.Replay;

/// <summary>
/// Counterfactual replay: restores a stored call to the state before one trainee turn, says another
/// line there, then plays the trainee's remaining original lines (or stops), through the same
/// <see cref="TurnEngine"/> as the live call. Only the new line is analysed: the original turns keep
/// the labels stored with them, their timings, silences and holds, so a replay reproduces the call even
/// after the analyser has changed, and the session's own copy of its persona is used.
/// </summary>
public sealed class CallReplayer(PracticeService practice, ITurnAnalyzer analyzer, ICustomerVoice voice, DebriefBuilder debriefs)
{
    /// <exception cref="SessionNotFoundException">No such session.</exception>
    /// <exception cref="ReplayTurnException">The turn is not one of the call's trainee turns, or the line is empty.</exception>
    public async Task<ReplayResult> ReplayAsync(string sessionId, int turn, string say, bool stop = false, CancellationToken ct = default)
    {
        var call = await practice.FindCallAsync(sessionId, ct) ?? throw new SessionNotFoundException(sessionId ?? "");
        var line = (say ?? "").Trim();
        if (line.Length == 0)
        {
            throw new ReplayTurnException("Say what the trainee should have said instead (the line is empty).");
        }
        return await ReplayAsync(call, turn, line, stop, withReplies: true, ct);
    }

    /// <summary>The same replay on a call already read; <paramref name="withReplies"/> false leaves the customer's
    /// lines out (the mood does not depend on them), which is all a what-if curve needs.</summary>
    public Task<ReplayResult> ReplayAsync(StoredCall call, int turn, string say, bool stop, bool withReplies, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        return ReplayAsync(call, Original(call, TraineeTurnIndexes(call)), turn, say, stop, withReplies, ct);
    }

    /// <param name="original">The stored call as a run; scoring it builds a debrief, so callers replaying one call several times score it once.</param>
    private async Task<ReplayResult> ReplayAsync(StoredCall call, ReplayRun original, int turn, string say, bool stop, bool withReplies, CancellationToken ct)
    {
        var session = call.Session;
        var trainee = TraineeTurnIndexes(call);
        if (turn < 1 || turn > trainee.Count)
        {
            throw new ReplayTurnException(trainee.Count == 0
                ? $"Session '{session.Id}' has no trainee turns to replay."
                : $"Turn {turn} is outside the call: session '{session.Id}' has trainee turns 1 to {trainee.Count}.");
        }

        var engine = practice.EngineFor(session);
        var firstIndex = trainee[turn - 1];
        var history = call.Turns.Take(firstIndex).Select(t => t.Turn).ToList();
        var state = StateBefore(engine, call, trainee, turn);
        var anger = original.Anger.Take(turn - 1).ToList();
        var turns = new List<ReplayTurn>();
        TurnStep? last = null;
        int? endedAt = null;

        for (var k = turn; k <= trainee.Count; k++)
        {
            var stored = call.Turns[trainee[k - 1]];
            var replaced = k == turn;
            TraineeLine line;
            UtteranceAnalysis analysis;
            if (replaced)
            {
                // The new words come after whatever hold the original line came after.
                line = TurnEngine.Read(say, stored.Turn.Events & ~CallEvents.Silence, Hold(stored));
                analysis = await analyzer.AnalyzeAsync(say,
                    engine.AnalysisContextFor(history), ct);
            }
            else
            {
                line = TurnEngine.Read(stored.Turn.Text, stored.Turn.Events, Hold(stored));
                analysis = new UtteranceAnalysis(stored.Turn.Text, stored.Turn.Techniques);
            }
            last = engine.Step(state, line, analysis, stored.Turn.At - session.StartedAt, history);
            state = last.After;
            var reply = withReplies ? await voice.ReplyAsync(last.Reply!, ct) : "";
            var mood = last.Mood.ToId();
            var replyAt = NextCustomerTurn(call, trainee[k - 1])?.Turn.At ?? stored.Turn.At;
            history.Add(new TranscriptTurn(history.Count + 1, stored.Turn.At, Speaker.Trainee, line.Text, last.Anger, mood, analysis.Matches, last.Events));
            history.Add(new TranscriptTurn(history.Count + 1, replyAt, Speaker.Customer, reply, last.Anger, mood, []));
            anger.Add(last.Anger);
            turns.Add(new ReplayTurn(Speaker.Trainee, line.Text, last.Anger, analysis.Techniques));
            if (withReplies)
            {
                turns.Add(new ReplayTurn(Speaker.Customer, reply, last.Anger, []));
            }
            if (last.IsOver)
            {
                endedAt = k;
                break;
            }
            if (stop)
            {
                break;
            }
        }

        var outcome = last!.Outcome;
        if (!last.IsOver && !stop && OutsideEnding(engine, call, trainee) is { } reason)
        {
            // The original call was ended from outside the conversation (hung up, transferred, dropped):
            // the replay ends the same way after the same lines, and the machine decides the outcome.
            var ending = engine.End(state, reason);
            outcome = ending.Outcome;
            endedAt = trainee.Count;
        }
        var endedTime = history.Count > 0 ? history[^1].At : session.StartedAt;
        var score = Score(call, history, outcome, outcome == CallOutcome.InProgress ? null : endedTime);
        return new ReplayResult(session.Id, turn, say, original, new ReplayRun(anger, outcome, score, endedAt, turns));
    }

    /// <summary>
    /// For each of a debrief's suggestions that points at a trainee line and offers words to say (no
    /// [placeholders]), the call replayed with those words there: what the debrief page draws dashed.
    /// </summary>
    public async Task<IReadOnlyList<WhatIf>> WhatIfsAsync(string sessionId, Debrief debrief, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(debrief);
        if (await practice.FindCallAsync(sessionId, ct) is not { } call)
        {
            return [];
        }
        var trainee = TraineeTurnIndexes(call);
        var original = Original(call, trainee);
        var start = call.Session.StartedAt;
        var whatIfs = new List<WhatIf>();
        for (var i = 0; i < debrief.Suggestions.Count; i++)
        {
            var suggestion = debrief.Suggestions[i];
            var say = suggestion.BetterPhrasing.Trim().Trim('"', '\u201c', '\u201d').Trim();
            // The line the suggestion is about, or the trainee's answer when it points at the customer.
            var k = trainee.FindIndex(index => call.Turns[index].Turn.Number >= (suggestion.TurnNumber ?? int.MaxValue));
            if (say.Length == 0 || say.Contains('[') || k < 0)
            {
                continue;
            }
            var replay = await ReplayAsync(call, original, k + 1, say, stop: false, withReplies: false, ct);
            var before = call.Turns[trainee[k] - 1].Turn;
            var points = new List<WhatIfPoint> { new(before.Number, (before.At - start).TotalSeconds, before.Anger) };
            for (var j = k; j < replay.Replay.Anger.Count; j++)
            {
                var line = call.Turns[trainee[j]].Turn;
                var reply = NextCustomerTurn(call, trainee[j])?.Turn ?? line;
                var anger = replay.Replay.Anger[j];
                points.Add(new WhatIfPoint(line.Number, (line.At - start).TotalSeconds, anger));
                points.Add(new WhatIfPoint(reply.Number, (reply.At - start).TotalSeconds, anger));
            }
            // Numbered as the rest of the debrief numbers turns: by the transcript.
            whatIfs.Add(new WhatIf(i, points, replay.Summary(n => call.Turns[trainee[n - 1]].Turn.Number)));
        }
        return whatIfs;
    }

    private ReplayRun Original(StoredCall call, IReadOnlyList<int> trainee)
    {
        var session = call.Session;
        var anger = trainee.Select(i => call.Turns[i].Turn.Anger).ToArray();
        int? endedAt = session.Outcome == CallOutcome.InProgress ? null : trainee.Count;
        var transcript = call.Transcript;
        return new ReplayRun(anger, session.Outcome, Score(call, transcript, session.Outcome, session.EndedAt), endedAt);
    }

    /// <summary>Both runs are scored the same way: the debrief of their transcript with the live labels.</summary>
    private int Score(StoredCall call, IReadOnlyList<TranscriptTurn> turns, CallOutcome outcome, DateTimeOffset? endedAt) =>
        debriefs.Build(practice.TranscriptOf(call.Session, outcome, endedAt, turns)).Score;

    /// <summary>
    /// The stored snapshot before trainee turn <paramref name="turn"/> (kept on the line just before it);
    /// sessions stored before per-turn snapshots replay the earlier turns from the start instead.
    /// </summary>
    private static MoodSnapshot StateBefore(TurnEngine engine, StoredCall call, IReadOnlyList<int> trainee, int turn)
    {
        var index = trainee[turn - 1];
        if (index > 0 && call.Turns[index - 1].MoodSnapshot is { Length: > 0 } json)
        {
            return PracticeJson.Deserialize<MoodSnapshot>(json, "mood snapshot");
        }
        var state = engine.Start();
        var history = new List<TranscriptTurn>();
        foreach (var stored in call.Turns.Take(index))
        {
            if (stored.Turn.Speaker == Speaker.Trainee)
            {
                var line = TurnEngine.Read(stored.Turn.Text, stored.Turn.Events, Hold(stored));
                state = engine.Step(state, line, new UtteranceAnalysis(stored.Turn.Text, stored.Turn.Techniques),
                    stored.Turn.At - call.Session.StartedAt, history).After;
            }
            history.Add(stored.Turn);
        }
        return state;
    }

    /// <summary>How the original call was ended from outside the conversation, if it was.</summary>
    private static EndReason? OutsideEnding(TurnEngine engine, StoredCall call, IReadOnlyList<int> trainee)
    {
        if (call.Session.EndedAt is null || trainee.Count == 0)
        {
            return null;
        }
        var lastLine = trainee[^1];
        var afterLast = NextCustomerTurn(call, lastLine) ?? call.Turns[lastLine];
        if (afterLast.MoodSnapshot is { Length: > 0 } json && engine.IsOver(PracticeJson.Deserialize<MoodSnapshot>(json, "mood snapshot")))
        {
            return null;
        }
        return call.Session.Outcome switch
        {
            CallOutcome.Escalated => EndReason.Transferred,
            CallOutcome.HungUp => EndReason.CustomerHungUp,
            CallOutcome.TimeLimit => EndReason.TimeUp,
            CallOutcome.Resolved or CallOutcome.EndedByAgent => EndReason.AgentHungUp,
            _ => EndReason.Abandoned,
        };
    }

    private static List<int> TraineeTurnIndexes(StoredCall call) =>
        call.Turns.Select((t, i) => (t, i)).Where(x => x.t.Turn.Speaker == Speaker.Trainee).Select(x => x.i).ToList();

    private static StoredTurn? NextCustomerTurn(StoredCall call, int index) =>
        index + 1 < call.Turns.Count && call.Turns[index + 1].Turn.Speaker == Speaker.Customer ? call.Turns[index + 1] : null;

    private static TimeSpan? Hold(StoredTurn turn) => turn.HoldSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}
