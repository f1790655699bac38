using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.TestHost;
using SimCaller.Twilio.Security;

namespace SimCaller.Benchmarks.Infrastructure;

/// <summary>
/// Twilio's side of one ConversationRelay call against the in-process API: the signed voice webhook,
/// the signed WebSocket upgrade, setup, then final prompts; it reads the customer's tokens as they come.
/// </summary>
public sealed class RelayClient : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly Channel<(string Type, bool Last)> _received = Channel.CreateUnbounded<(string, bool)>();
    private WebSocket _socket = null!;
    private Task _reader = Task.CompletedTask;
    private readonly PhoneCall _phone;

    private RelayClient(PhoneCall phone) => _phone = phone;

    public int Turns { get; private set; }

    /// <summary>Dials, connects and waits for the customer's opening line.</summary>
    public static async Task<RelayClient> StartAsync(SimCallerServer server, HttpClient http)
    {
        var client = new RelayClient(new PhoneCall(http));
        await client._phone.DialRelayAsync();
        var sockets = server.Server.CreateWebSocketClient();
        var url = SimCallerServer.PublicBaseUrl.Replace("https://", "wss://", StringComparison.Ordinal) + "/twilio/relay";
        sockets.ConfigureRequest = r => r.Headers[TwilioSignature.HeaderName] = TwilioSignature.Compute(SimCallerServer.AuthToken, url, []);
        using var timeout = new CancellationTokenSource(Wait);
        client._socket = await sockets.ConnectAsync(new Uri("ws://localhost/twilio/relay"), timeout.Token);
        client._reader = client.ReadAsync();
        await client.SendAsync(JsonSerializer.Serialize(new { type = "setup", sessionId = "VX" + client._phone.CallSid[2..], callSid = client._phone.CallSid, callStatus = "RINGING" }));
        await client.RestOfLineAsync();
        return client;
    }

    /// <summary>A final prompt; completes when the customer's first token arrives.</summary>
    public async Task SayUntilFirstTokenAsync(string text)
    {
        Turns++;
        await SendAsync(JsonSerializer.Serialize(new { type = "prompt", voicePrompt = text, lang = "en-US", last = true }));
        var first = await NextAsync();
        if (first.Type != "text") throw new InvalidOperationException($"Expected the customer's words, got '{first.Type}'.");
        if (first.Last) _lineDone = true;
    }

    private bool _lineDone;

    /// <summary>Reads the rest of the current customer line (to its last:true token).</summary>
    public async Task RestOfLineAsync()
    {
        while (!_lineDone)
        {
            var message = await NextAsync();
            if (message.Type == "end") throw new InvalidOperationException("The call ended mid-benchmark.");
            _lineDone = message.Type == "text" && message.Last;
        }
        _lineDone = false;
    }

    public async Task SayAsync(string text)
    {
        await SayUntilFirstTokenAsync(text);
        await RestOfLineAsync();
    }

    private async Task<(string Type, bool Last)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    private async Task SendAsync(string json)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, timeout.Token);
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                } while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close) break;
                using var doc = JsonDocument.Parse(buffer.AsMemory(0, length));
                var root = doc.RootElement;
                _received.Writer.TryWrite((root.GetProperty("type").GetString()!, root.TryGetProperty("last", out var last) && last.GetBoolean()));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed by the benchmark.
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }

    /// <summary>The caller hangs up (a normal close); the service ends the practice call.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(Wait);
            if (_socket.State == WebSocketState.Open) await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            await Task.WhenAny(_reader, Task.Delay(Wait));
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Already gone.
        }
        _socket.Dispose();
    }
}
