using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using System.Xml.Linq;
using Microsoft.AspNetCore.TestHost;
using SimCaller.Twilio.Security;

namespace SimCaller.Api.Tests.Infrastructure;

/// <summary>
/// Plays Twilio's side of a ConversationRelay call: dials the voice webhook, reads the
/// &lt;Connect&gt;&lt;ConversationRelay&gt; TwiML, opens the WebSocket with the signature Twilio would
/// send, and speaks the protocol (setup, prompts, interrupts, keys). Every wait is bounded.
/// </summary>
public sealed partial class RelayCallSimulator : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly SimCallerApp _app;
    private readonly TwilioCallSimulator _phone;
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private WebSocket? _socket;
    private Task? _reader;

    public RelayCallSimulator(SimCallerApp app, string to, string from = "+15551231212")
    {
        _app = app;
        _phone = new TwilioCallSimulator(app.CreateClient(), from: from, to: to);
    }

    public string CallSid => _phone.CallSid;
    public TwilioCallSimulator Phone => _phone;

    /// <summary>The &lt;ConversationRelay&gt; element the voice webhook answered with.</summary>
    public XElement? Relay { get; private set; }

    /// <summary>The &lt;Connect action&gt; URL.</summary>
    public string? Action { get; private set; }

    /// <summary>Every message the server sent, in order.</summary>
    public List<JsonElement> Messages { get; } = [];

    public WebSocketCloseStatus? CloseStatus => _socket?.CloseStatus;
    public string? CloseReason => _socket?.CloseStatusDescription;

    /// <summary>Dials the number and reads the relay TwiML.</summary>
    public async Task<XElement> DialAsync()
    {
        var twiml = await _phone.DialAsync();
        var connect = twiml.Element("Connect") ?? throw new InvalidOperationException("Expected <Connect>, got " + twiml);
        Action = (string?)connect.Attribute("action");
        Relay = connect.Element("ConversationRelay");
        return twiml;
    }

    /// <summary>Points the simulator at a relay URL without dialling (a socket for a call the service never answered).</summary>
    public void UseRelayUrl(string url) => Relay = new XElement("ConversationRelay", new XAttribute("url", url));

    /// <summary>Opens the WebSocket as Twilio does; <paramref name="signature"/> overrides the real one ("" sends none).</summary>
    public async Task ConnectAsync(string? signature = null)
    {
        var url = (string?)Relay?.Attribute("url") ?? throw new InvalidOperationException("Dial first.");
        _socket = await Connect(_app, url, signature ?? TwilioSignature.Compute(SimCallerApp.AuthToken, url, []));
        _reader = ReadAsync(_socket);
    }

    /// <summary>A WebSocket to the relay endpoint with the given signature header (none when empty).</summary>
    public static Task<WebSocket> Connect(SimCallerApp app, string url, string signature)
    {
        var client = app.Server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            if (signature.Length > 0) request.Headers[TwilioSignature.HeaderName] = signature;
        };
        var path = new Uri(url).AbsolutePath;
        using var timeout = new CancellationTokenSource(Wait);
        return client.ConnectAsync(new Uri("ws://localhost" + path), timeout.Token);
    }

    /// <summary>Sends setup and returns the customer's first line.</summary>
    public async Task<string> SetupAsync()
    {
        await SendJsonAsync(new
        {
            type = "setup", sessionId = "VX" + CallSid[2..], accountSid = SimCallerApp.AccountSid, parentCallSid = "", callSid = CallSid,
            from = _phone.From, to = _phone.To, forwardedFrom = _phone.To, callerName = "", direction = "inbound", callType = "PSTN",
            callStatus = "RINGING", customParameters = new { },
        });
        return (await LineAsync()).Text;
    }

    /// <summary>The trainee says <paramref name="text"/> (optionally growing through partial prompts first); returns what comes back.</summary>
    public async Task<Reply> SayAsync(string text, bool withPartials = false)
    {
        if (withPartials) await PartialsAsync(text);
        await PromptAsync(text, last: true);
        return await LineAsync();
    }

    /// <summary>Partial prompts as the trainee speaks, one more word each (cumulative, last:false).</summary>
    public async Task PartialsAsync(string text, int? upToWords = null)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i <= (upToWords ?? words.Length); i++) await PromptAsync(string.Join(' ', words.Take(i)), last: false);
    }

    public Task PromptAsync(string text, bool last) =>
        SendJsonAsync(new { type = "prompt", voicePrompt = text, lang = "en-US", last });

    public Task InterruptAsync(string heard, object duration) =>
        SendJsonAsync(new { type = "interrupt", utteranceUntilInterrupt = heard, durationUntilInterruptMs = duration });

    public Task PressAsync(string digit) => SendJsonAsync(new { type = "dtmf", digit });

    public Task SendJsonAsync(object message) => SendRawAsync(JsonSerializer.Serialize(message));

    public async Task SendRawAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await _socket!.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>
    /// The next whole customer line: text tokens up to the one with last:true, or an end message.
    /// Tokens are read as Twilio would speak them (SSML tags dropped).
    /// </summary>
    public async Task<Reply> LineAsync()
    {
        var tokens = new List<JsonElement>();
        while (true)
        {
            var message = await NextAsync();
            var type = message.GetProperty("type").GetString();
            if (type == "end") return new Reply(Spoken(tokens), tokens, message.GetProperty("handoffData").GetString());
            if (type != "text") continue;
            tokens.Add(message);
            if (message.GetProperty("last").GetBoolean()) return new Reply(Spoken(tokens), tokens, null);
        }
    }

    /// <summary>The next message from the server.</summary>
    public async Task<JsonElement> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Whether anything arrives within <paramref name="within"/>.</summary>
    public async Task<bool> QuietAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _received.Reader.WaitToReadAsync(timeout.Token);
            return !_received.Reader.TryPeek(out _);
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    /// <summary>Waits until the server closes the socket (bounded); true when it did.</summary>
    public async Task<bool> ClosedByServerAsync()
    {
        var done = await Task.WhenAny(_reader!, Task.Delay(Wait));
        return done == _reader && _socket!.CloseStatus is not null;
    }

    /// <summary>Twilio closes the socket normally (after the server's end, or when the caller hangs up).</summary>
    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        await _socket!.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
        await Task.WhenAny(_reader!, Task.Delay(Wait));
    }

    /// <summary>The connection drops without a close handshake.</summary>
    public void Drop() => _socket!.Abort();

    /// <summary>Posts the &lt;Connect action&gt; callback as Twilio does when the session is over.</summary>
    public Task<XElement> SessionEndedAsync(string sessionStatus, string? handoffData, string callStatus = "in-progress") =>
        _phone.PostAndFollowAsync(Action!, new Dictionary<string, string>
        {
            ["CallSid"] = CallSid, ["AccountSid"] = SimCallerApp.AccountSid, ["From"] = _phone.From, ["To"] = _phone.To,
            ["CallStatus"] = callStatus, ["SessionStatus"] = sessionStatus, ["SessionId"] = "VX" + CallSid[2..],
            ["HandoffData"] = handoffData ?? "",
        });

    private async Task ReadAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                } while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close) break;
                var message = JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
                lock (Messages) Messages.Add(message);
                _received.Writer.TryWrite(message);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket went; the test looks at what arrived.
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }

    private static string Spoken(IEnumerable<JsonElement> tokens) =>
        SsmlTag().Replace(string.Concat(tokens.Select(t => t.GetProperty("token").GetString())), "").Replace("&amp;", "&").Trim();

    public async ValueTask DisposeAsync()
    {
        if (_socket is { State: WebSocketState.Open }) _socket.Abort();
        if (_reader is not null) await Task.WhenAny(_reader, Task.Delay(Wait));
        _socket?.Dispose();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex SsmlTag();

    /// <summary>A customer line as heard, its tokens, and the handoff data when the server ended the session instead.</summary>
    public sealed record Reply(string Text, IReadOnlyList<JsonElement> Tokens, string? EndHandoff)
    {
        public bool IsEnd => EndHandoff is not null;
    }
}
