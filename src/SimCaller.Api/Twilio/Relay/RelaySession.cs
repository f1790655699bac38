using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Options;
using SimCaller.Api.Debriefs;
using SimCaller.Core.Calls;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using SimCaller.Practice;
using SimCaller.Practice.Storage;
using SimCaller.Speech.Ssml;
using SimCaller.Twilio.Relay;

namespace SimCaller.Api.Twilio.Relay;

/// <summary>What the connection should do after a message.</summary>
public readonly record struct RelayVerdict(WebSocketCloseStatus? Close, string? Reason)
{
    public static RelayVerdict Continue => default;

    public static RelayVerdict CloseWith(WebSocketCloseStatus status, string reason) => new(status, reason);
}

/// <summary>
/// One ConversationRelay connection: the protocol's state machine over a practice call, apart from the
/// socket (the endpoint feeds it messages and gives it a way to send). Messages are handled one at a
/// time; the customer's reply streams on its own task so an interrupt can stop it.
/// <para>
/// Nothing is stored until it is known what the customer actually said: a reply is stored whole when
/// the trainee's next turn comes, or only as far as <c>utteranceUntilInterrupt</c> when the trainee cuts
/// in. Cutting in counts as talking over the customer by the persona's <see cref="TalkOverRule"/>, and
/// goes with the trainee's next turn as a talk_over event; a customer in the moods of its
/// <see cref="CutInRule"/> cuts in on a trainee's long turn as soon as the partial prompts pass the
/// word limit, answering what they heard so far.
/// </para>
/// Keypad during the call: 0 transfers to the supervisor, # hangs up, * puts the customer on hold (until
/// the trainee speaks again).
/// </summary>
public sealed class RelaySession : IAsyncDisposable
{
    /// <summary>Garbage messages in a row after which the socket is closed (Twilio's own limit for what it receives).</summary>
    public const int MaxGarbageInARow = 10;

    private const string StillThereLine = "Hello? Are you still there?";
    private const string SayAgainLine = "Sorry, I didn't catch that. What did you say?";

    private readonly PracticeService _practice;
    private readonly PersonaCatalog _personas;
    private readonly DebriefLinkSender _debriefLinks;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<byte[], CancellationToken, Task> _sendRaw;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _life = new();

    private SessionInfo? _session;
    private PersonaDefinition _persona = new();
    private string _provider = "";
    private string? _voice;
    private string _callSid = "";
    private int _traineeTurns;
    private int _anger;
    private MoodState _mood;
    private Speaking? _speaking;
    private int _qualifyingInterruptions;
    private CallEvents _nextEvents;
    private DateTimeOffset? _holdStartedAt;
    private bool _cutInThisUtterance;
    private int _garbageInARow;
    private Dictionary<string, object>? _logScope;

    /// <param name="send">Sends one text frame; called by one writer at a time.</param>
    public RelaySession(PracticeService practice, PersonaCatalog personas, DebriefLinkSender debriefLinks, TimeProvider time,
        ILogger logger, Func<byte[], CancellationToken, Task> send)
    {
        _practice = practice;
        _personas = personas;
        _debriefLinks = debriefLinks;
        _time = time;
        _logger = logger;
        _sendRaw = send;
    }

    /// <summary>True once the practice call is over on this connection and <c>end</c> was sent.</summary>
    public bool Ended { get; private set; }

    /// <summary>The practice session this connection plays, once set up.</summary>
    public string? SessionId => _session?.SessionId;

    /// <summary>A text frame from Twilio.</summary>
    public async Task<RelayVerdict> ReceiveAsync(ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        if (!RelayParser.TryParse(frame.Span, out var message, out var problem))
        {
            return Garbage(problem);
        }
        _garbageInARow = 0;
        // Per message: a scope opened inside the handler would not outlive it (the log context is async-local).
        using var scope = _logScope is null ? null : _logger.BeginScope(_logScope);
        try
        {
            await HandleAsync(message!, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested || _life.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // One message going wrong must not take the call down with it.
            _logger.LogError(ex, "Relay message {Type} failed; the call goes on", message!.GetType().Name);
        }
        return RelayVerdict.Continue;
    }

    /// <summary>A frame that cannot be a ConversationRelay message (binary, too large, malformed, unknown).</summary>
    public RelayVerdict Garbage(string problem)
    {
        _garbageInARow++;
        _logger.LogWarning("Relay message refused ({Count} in a row): {Problem}", _garbageInARow, problem);
        return _garbageInARow >= MaxGarbageInARow
            ? RelayVerdict.CloseWith(WebSocketCloseStatus.InvalidPayloadData, $"{MaxGarbageInARow} malformed messages in a row; last: {Truncate(problem, 60)}")
            : RelayVerdict.Continue;
    }

    /// <summary>
    /// The socket is gone (Twilio closed it, it dropped, or we closed it). What the customer was saying is
    /// stored as far as it went, and a call that is not over yet ends with its debrief.
    /// </summary>
    /// <param name="hungUp">Twilio closed the socket normally without our end: the caller hung up.</param>
    public async Task ClosedAsync(bool hungUp, CancellationToken ct)
    {
        using var scope = _logScope is null ? null : _logger.BeginScope(_logScope);
        await StopSpeakingAsync(null, ct);
        if (_session is null || Ended) return;
        var reason = hungUp ? EndReason.AgentHungUp : EndReason.Abandoned;
        _logger.LogInformation("Relay socket closed mid-call ({How}); ending the practice call as {Reason}", hungUp ? "hang-up" : "dropped", reason);
        await EndCallAsync(reason, ct, sendEnd: false);
    }

    private async Task HandleAsync(RelayInbound message, CancellationToken ct)
    {
        if (message is RelaySetup setup)
        {
            await SetupAsync(setup, ct);
            return;
        }
        if (_session is null)
        {
            _logger.LogWarning("Relay {Type} before setup ignored", message.GetType().Name);
            return;
        }
        switch (message)
        {
            case RelayPrompt { Last: true } prompt:
                await PromptAsync(prompt.VoicePrompt, ct);
                break;
            case RelayPrompt partial:
                await PartialAsync(partial.VoicePrompt, ct);
                break;
            case RelayInterrupt interrupt:
                await InterruptAsync(interrupt, ct);
                break;
            case RelayDtmf dtmf:
                await KeyAsync(dtmf.Digit, ct);
                break;
            case RelayError error:
                _logger.LogWarning("Twilio reports a relay error: {Description}", error.Description);
                break;
            case RelayInfo info:
                _logger.LogDebug("Relay info {Name}={Value}", info.Name, info.Value);
                break;
        }
    }

    private async Task SetupAsync(RelaySetup setup, CancellationToken ct)
    {
        if (_session is not null)
        {
            _logger.LogWarning("A second relay setup on one connection ignored (call {CallSid})", setup.CallSid);
            return;
        }
        _callSid = setup.CallSid;
        var session = await _practice.FindByExternalRefAsync(setup.CallSid, ct);
        if (session is null)
        {
            _logger.LogError("Relay setup for call {CallSid}, which has no practice session; ending the relay", setup.CallSid);
            await SendEndAsync(new RelayHandoff(RelayHandoff.NoSession, null, null, null), ct);
            return;
        }
        _session = session;
        _logScope = new Dictionary<string, object> { ["CallSid"] = setup.CallSid, ["SessionId"] = session.SessionId, ["Persona"] = session.PersonaId };
        _persona = _personas.Find(session.PersonaId) ?? new PersonaDefinition();
        (_provider, var voice) = _persona.Voice.Relay.Resolve(_persona.Voice);
        _voice = voice.Length > 0 ? voice : null;
        _anger = session.Anger;
        _mood = session.Mood;
        _traineeTurns = Math.Max(0, (session.TurnCount - 1) / 2);
        if (session.IsOver)
        {
            await SendEndAsync(new RelayHandoff(RelayHandoff.Ended, session.SessionId, session.Outcome.ToId(), "This practice call has ended."), ct);
            return;
        }
        _logger.LogInformation("Relay session {RelaySession} set up ({CallStatus})", setup.SessionId, setup.CallStatus);
        string line;
        if (session.TurnCount <= 1 && await _practice.FindCallAsync(session.SessionId, ct) is { } call
            && call.Turns.FirstOrDefault(t => t.Turn.Speaker == Speaker.Customer) is { } opening)
        {
            line = opening.Turn.Text;
        }
        else
        {
            line = StillThereLine;
        }
        Speak(null, Sentences(line), prefix: null, interruptible: true);
    }

    /// <summary>The trainee finished an utterance.</summary>
    private async Task PromptAsync(string text, CancellationToken ct)
    {
        if (_cutInThisUtterance)
        {
            // The customer already answered the start of it; they were talking, not listening, for the rest.
            _cutInThisUtterance = false;
            _logger.LogInformation("Trainee went on after the customer cut in; {Words} words not heard", WordCount(text));
            return;
        }
        if (Ended) return;
        await FinishSpeakingAsync(ct);
        await TakeTurnAsync(text, prefix: null, ct);
    }

    /// <summary>The trainee is still speaking: a customer who minds long answers may cut in.</summary>
    private async Task PartialAsync(string soFar, CancellationToken ct)
    {
        if (Ended || _cutInThisUtterance || _speaking is { Complete: false }) return;
        var rule = _persona.Interruptions.CutIn;
        if (!rule.CutsIn(_mood, WordCount(soFar))) return;
        _cutInThisUtterance = true;
        await FinishSpeakingAsync(ct);
        var line = rule.LineFor(_session!.Seed, _traineeTurns + 1);
        _logger.LogInformation("Customer ({Mood}) cuts in after {Words} words of the trainee's turn", _mood.ToId(), WordCount(soFar));
        await TakeTurnAsync(soFar, line, ct);
    }

    private async Task InterruptAsync(RelayInterrupt interrupt, CancellationToken ct)
    {
        var speaking = _speaking;
        if (speaking is null)
        {
            _logger.LogDebug("Interrupt with nothing being said");
            return;
        }
        await StopSpeakingAsync(interrupt.UtteranceUntilInterrupt, ct);
        var heard = interrupt.UtteranceUntilInterrupt.Trim();
        var line = speaking.Said.ToString().Trim();
        var rule = _persona.Interruptions.TalkOver;
        var counts = rule.Counts(speaking.Mood, heard.Length, Math.Max(line.Length, heard.Length), _qualifyingInterruptions);
        if (rule.Qualifies(speaking.Mood, heard.Length, Math.Max(line.Length, heard.Length))) _qualifyingInterruptions++;
        if (counts) _nextEvents |= CallEvents.TalkOver;
        _logger.LogInformation(
            "Trainee cut in after {HeardChars} of {LineChars} characters ({Ms} ms) while the customer was {Mood}: {Verdict}",
            heard.Length, line.Length, interrupt.DurationUntilInterruptMs, speaking.Mood.ToId(),
            counts ? "talk_over" : rule.Qualifies(speaking.Mood, heard.Length, Math.Max(line.Length, heard.Length)) ? "tolerated" : "fine");
    }

    private async Task KeyAsync(string digit, CancellationToken ct)
    {
        if (Ended) return;
        switch (digit)
        {
            case "0":
                _logger.LogInformation("Trainee pressed 0: transferring to the supervisor");
                await FinishSpeakingAsync(ct);
                await EndCallAsync(EndReason.Transferred, ct, sendEnd: true);
                break;
            case "#":
                _logger.LogInformation("Trainee pressed #: hanging up");
                await FinishSpeakingAsync(ct);
                await EndCallAsync(EndReason.AgentHungUp, ct, sendEnd: true);
                break;
            case "*":
                _holdStartedAt ??= _time.GetUtcNow();
                _logger.LogInformation("Trainee pressed *: the customer is on hold until the trainee speaks again");
                break;
            default:
                _logger.LogInformation("Key {Digit} means nothing during a practice call (0 transfer, # hang up, * hold)", digit);
                break;
        }
    }

    /// <summary>Runs the trainee's words through the practice call and starts the customer's answer.</summary>
    private async Task TakeTurnAsync(string text, string? prefix, CancellationToken ct)
    {
        var events = _nextEvents;
        var hold = _holdStartedAt;
        var key = $"{_callSid}:relay:{_traineeTurns + 1}";
        StreamingTurn turn;
        try
        {
            turn = await _practice.BeginTurnAsync(_session!.SessionId, new TraineeTurn(text, events, key, hold), ct);
        }
        catch (SessionEndedException ex)
        {
            _logger.LogInformation("Turn on a call that has ended ({Outcome})", ex.Outcome.ToId());
            await SendEndAsync(new RelayHandoff(RelayHandoff.Ended, _session!.SessionId, ex.Outcome.ToId(), null), ct);
            return;
        }
        catch (PracticeException ex)
        {
            // Nothing was applied (a database outage, a racing turn): the trainee says it again, events kept.
            _logger.LogWarning(ex, "Turn {Turn} not applied; asking the trainee to say it again", _traineeTurns + 1);
            Speak(null, Sentences(ex is StoreUnavailableException ? LineBrokeUp.TurnLine : SayAgainLine), null, interruptible: true);
            return;
        }
        _nextEvents = CallEvents.None;
        _holdStartedAt = null;
        _anger = turn.Preview.Anger;
        _mood = turn.Preview.Mood;
        if (turn.IsOver)
        {
            await CloseCallAsync(turn, prefix, ct);
            return;
        }
        Speak(turn, turn.Reply, prefix, interruptible: prefix is null);
    }

    /// <summary>
    /// The turn that ends the call: its closing line is stored whole and handed to the &lt;Connect action&gt;,
    /// which says it and transfers or hangs up (a line streamed just before <c>end</c> could be cut off).
    /// </summary>
    private async Task CloseCallAsync(StreamingTurn turn, string? prefix, CancellationToken ct)
    {
        var closing = new StringBuilder(prefix is null ? "" : prefix + " ");
        await foreach (var piece in turn.Reply.WithCancellation(ct)) closing.Append(piece);
        var said = closing.ToString().Trim();
        var result = await CommitAsync(turn, said, ct);
        var outcome = result?.Outcome ?? turn.Preview.Outcome;
        await SendEndAsync(new RelayHandoff(RelayHandoff.Ended, _session!.SessionId, outcome.ToId(), said), ct);
    }

    private async Task EndCallAsync(EndReason reason, CancellationToken ct, bool sendEnd)
    {
        SessionEnded ended;
        try
        {
            ended = await _practice.EndAsync(_session!.SessionId, reason, ct);
        }
        catch (PracticeException ex)
        {
            _logger.LogError(ex, "The practice call could not be ended ({Reason}); the status callback will try again", reason);
            if (sendEnd) await SendEndAsync(new RelayHandoff(RelayHandoff.Ended, _session!.SessionId, null, null), ct);
            return;
        }
        await _debriefLinks.SendAsync(_session.Trainee, ended, ct);
        if (sendEnd)
        {
            var why = reason == EndReason.Transferred ? RelayHandoff.Transferred : RelayHandoff.HungUp;
            await SendEndAsync(new RelayHandoff(why, _session.SessionId, ended.Outcome.ToId(), null), ct);
        }
        else
        {
            Ended = true;
        }
    }

    private async Task<TurnResult?> CommitAsync(StreamingTurn turn, string said, CancellationToken ct)
    {
        try
        {
            TurnResult result;
            try
            {
                result = await turn.CommitAsync(said, ct);
            }
            catch (StoreUnavailableException ex)
            {
                // The words were spoken already: worth one more try (the request key makes it safe).
                _logger.LogWarning("Storing turn {Turn} failed ({Problem}); trying once more", _traineeTurns + 1, ex.Message);
                result = await turn.CommitAsync(said, ct);
            }
            _traineeTurns++;
            if (!result.Replayed && result.Ended is { } ended) await _debriefLinks.SendAsync(_session!.Trainee, ended, ct);
            return result;
        }
        catch (PracticeException ex)
        {
            _logger.LogError(ex, "Turn {Turn} could not be stored; the trainee's words and the customer's answer are lost", _traineeTurns + 1);
            return null;
        }
    }

    private void Speak(StreamingTurn? turn, IAsyncEnumerable<string> pieces, string? prefix, bool interruptible)
    {
        var speaking = new Speaking(turn, _mood, CancellationTokenSource.CreateLinkedTokenSource(_life.Token));
        _speaking = speaking;
        speaking.Task = StreamAsync(speaking, pieces, prefix, interruptible, _anger);
    }

    private async Task StreamAsync(Speaking speaking, IAsyncEnumerable<string> pieces, string? prefix, bool interruptible, int anger)
    {
        var ct = speaking.Stop.Token;
        // Off the receive loop: the next message (an interrupt) is read while this is sent.
        await Task.Yield();
        try
        {
            bool? flag = interruptible ? null : false;
            if (prefix is not null)
            {
                var cut = prefix.Trim() + " ";
                speaking.Said.Append(cut);
                await SendAsync(RelayOutbound.Text(RelaySsml.Token(cut, anger, _provider, _voice), last: false, interruptible: flag), ct);
            }
            await foreach (var piece in pieces.WithCancellation(ct))
            {
                speaking.Said.Append(piece);
                await SendAsync(RelayOutbound.Text(RelaySsml.Token(piece, anger, _provider, _voice), last: false, interruptible: flag), ct);
            }
            await SendAsync(RelayOutbound.Text("", last: true, interruptible: flag), ct);
            speaking.Complete = true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Interrupted, or the socket went: what was said so far is what gets stored.
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            _logger.LogInformation("Relay socket went while the customer was speaking: {Problem}", ex.Message);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "The customer's reply failed while streaming; the line ends there");
        }
    }

    /// <summary>Lets the current line finish being sent and stores it whole.</summary>
    private async Task FinishSpeakingAsync(CancellationToken ct)
    {
        if (_speaking is not { } speaking) return;
        await speaking.Task!;
        _speaking = null;
        if (speaking.Turn is not null) await CommitAsync(speaking.Turn, speaking.Said.ToString().Trim(), ct);
    }

    /// <summary>Stops the current line where it is and stores it as far as it was heard (or sent, when unknown).</summary>
    private async Task StopSpeakingAsync(string? heard, CancellationToken ct)
    {
        if (_speaking is not { } speaking) return;
        _speaking = null;
        await speaking.Stop.CancelAsync();
        await speaking.Task!;
        if (speaking.Turn is not null) await CommitAsync(speaking.Turn, (heard ?? speaking.Said.ToString()).Trim(), ct);
    }

    private async Task SendEndAsync(RelayHandoff handoff, CancellationToken ct)
    {
        Ended = true;
        await SendAsync(RelayOutbound.End(handoff.ToJson()), ct);
    }

    private async Task SendAsync(byte[] frame, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            await _sendRaw(frame, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private static async IAsyncEnumerable<string> Sentences(string line)
    {
        await Task.CompletedTask;
        foreach (var sentence in OfflineCustomerEngine.Sentences(line)) yield return sentence;
    }

    private static int WordCount(string text) => TraineeWords.Words(text).Count;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    public async ValueTask DisposeAsync()
    {
        await _life.CancelAsync();
        if (_speaking?.Task is { } task) await task;
        _life.Dispose();
        _sendLock.Dispose();
    }

    /// <summary>A customer line on its way out.</summary>
    private sealed class Speaking(StreamingTurn? turn, MoodState mood, CancellationTokenSource stop)
    {
        public StreamingTurn? Turn { get; } = turn;
        public MoodState Mood { get; } = mood;
        public CancellationTokenSource Stop { get; } = stop;
        public StringBuilder Said { get; } = new();
        public Task? Task { get; set; }
        public bool Complete { get; set; }
    }
}
