using System.Buffers;
using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using SimCaller.Api.Debriefs;
using SimCaller.Persona.Loading;
using SimCaller.Practice;
using SimCaller.Twilio.Security;

namespace SimCaller.Api.Twilio.Relay;

/// <summary>
/// The ConversationRelay WebSocket: checks Twilio's signature on the upgrade (403 and nothing starts when
/// it is missing or forged), then reads frames into a <see cref="RelaySession"/> until either side closes.
/// The signed string is the wss:// URL exactly as the TwiML wrote it, without parameters
/// (shared/reference/protocols.md section 3).
/// </summary>
public static class RelayEndpoint
{
    /// <summary>Far above any ConversationRelay message; a bigger frame is garbage, read and dropped.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private const int ScratchBytes = 4096;

    /// <summary>After our end, Twilio closes the socket; past this we close it ourselves.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    public static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var settings = services.GetRequiredService<IOptions<TwilioOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("SimCaller.Api.Twilio.Relay");
        if (!settings.UsesRelay)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!Signed(http, settings, logger))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync("This is the ConversationRelay WebSocket: connect with a WebSocket upgrade.", http.RequestAborted);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var session = new RelaySession(
            services.GetRequiredService<PracticeService>(),
            services.GetRequiredService<PersonaCatalog>(),
            services.GetRequiredService<DebriefLinkSender>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            logger,
            (frame, ct) => socket.SendAsync(frame.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, ct).AsTask());
        await using (session)
        {
            await RunAsync(socket, session, logger, http.RequestAborted);
        }
    }

    private static async Task RunAsync(WebSocket socket, RelaySession session, ILogger logger, CancellationToken aborted)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxMessageBytes + ScratchBytes);
        var hungUp = false;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                if (session.Ended) wait.CancelAfter(CloseGrace);
                var (kind, length, tooBig) = await ReadMessageAsync(socket, buffer, wait.Token);
                if (kind == WebSocketMessageType.Close)
                {
                    // Twilio closes normally after our end, or when the caller hangs up.
                    hungUp = socket.CloseStatus == WebSocketCloseStatus.NormalClosure;
                    await CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure, "bye");
                    break;
                }
                var verdict = kind == WebSocketMessageType.Binary ? session.Garbage("a binary frame; ConversationRelay sends JSON text")
                    : tooBig ? session.Garbage($"a message over {MaxMessageBytes / 1024} KB")
                    : await session.ReceiveAsync(buffer.AsMemory(0, length), aborted);
                if (verdict.Close is { } status)
                {
                    logger.LogWarning("Closing the relay socket: {Reason}", verdict.Reason);
                    await CloseQuietlyAsync(socket, status, verdict.Reason!);
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (session.Ended)
        {
            await CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure, "session ended");
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
            logger.LogInformation("Relay socket dropped: {Problem}", ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            // A dropped socket still ends the call with its debrief; the request's token is gone by now.
            using var finish = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await session.ClosedAsync(hungUp, finish.Token);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Ending the practice call after its relay socket closed failed; the status callback ends it");
            }
        }
    }

    /// <summary>One whole message; past <see cref="MaxMessageBytes"/> it is read to its end into scratch space and reported too big.</summary>
    private static async Task<(WebSocketMessageType Kind, int Length, bool TooBig)> ReadMessageAsync(WebSocket socket, byte[] buffer, CancellationToken ct)
    {
        var length = 0;
        var tooBig = false;
        while (true)
        {
            if (length == MaxMessageBytes) tooBig = true;
            var room = tooBig ? buffer.AsMemory(MaxMessageBytes, ScratchBytes) : buffer.AsMemory(length, MaxMessageBytes - length);
            var result = await socket.ReceiveAsync(room, ct);
            if (result.MessageType == WebSocketMessageType.Close) return (WebSocketMessageType.Close, 0, false);
            if (!tooBig) length += result.Count;
            if (result.EndOfMessage) return (result.MessageType, length, tooBig);
        }
    }

    private static async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            // WebSocket close reasons are limited to 123 bytes.
            await socket.CloseAsync(status, reason.Length > 120 ? reason[..120] : reason, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The other side is gone already.
        }
    }

    private static bool Signed(HttpContext http, TwilioOptions settings, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(settings.AuthToken))
        {
            logger.LogError("Refusing the relay WebSocket: Twilio:AuthToken is not configured");
            return false;
        }
        var signature = http.Request.Headers[TwilioSignature.HeaderName].ToString();
        if (TwilioSignature.Validate(settings.AuthToken, settings.RelayUrl, [], signature)) return true;
        logger.LogWarning("Refusing the relay WebSocket: signature {Problem} for {Url}", signature.Length == 0 ? "missing" : "does not match", settings.RelayUrl);
        return false;
    }
}
