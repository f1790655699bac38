using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SimCaller.Persona.Tests.Voice;

/// <summary>A request the fake server received.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 (free port), speaking just enough
/// HTTP/1.1 for the real OpenAI connector: a JSON reply, an SSE stream, an error status, or a stall
/// that lasts until the server is disposed (at most <see cref="MaxStall"/>).
/// </summary>
internal sealed class FakeOpenAIServer : IAsyncDisposable
{
    public static readonly TimeSpan MaxStall = TimeSpan.FromSeconds(60);

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;
    private readonly Func<RecordedRequest, Response> respond;

    private FakeOpenAIServer(Func<RecordedRequest, Response> respond)
    {
        this.respond = respond;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public abstract record Response;
    public sealed record JsonReply(string Text) : Response;
    public sealed record StreamReply(IReadOnlyList<string> Chunks) : Response;
    public sealed record Status(int Code) : Response;
    public sealed record Stall : Response;

    public static FakeOpenAIServer Start(Response response) => new(_ => response);

    public static FakeOpenAIServer Start(Func<RecordedRequest, Response> respond) => new(respond);

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The root URL; OpenAI-style clients want <see cref="V1"/>.</summary>
    public string Root => $"http://127.0.0.1:{Port}";

    public string V1 => Root + "/v1";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var request = await ReadRequestAsync(stream);
            Requests.Enqueue(request);
            await WriteAsync(stream, respond(request));
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // The test is over; a connection cut short is expected.
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            // The client gave up (timeouts are what some tests are about).
        }
    }

    private async Task<RecordedRequest> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer))
        {
            if (await stream.ReadAsync(one, stop.Token) == 0 || buffer.Count > 65536)
            {
                throw new IOException("connection closed before the headers ended");
            }
            buffer.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length) : 0];
        await stream.ReadExactlyAsync(body, stop.Token);
        return new RecordedRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body));
    }

    private static bool EndsWithBlankLine(List<byte> b) =>
        b.Count >= 4 && b[^4] == '\r' && b[^3] == '\n' && b[^2] == '\r' && b[^1] == '\n';

    private async Task WriteAsync(NetworkStream stream, Response response)
    {
        switch (response)
        {
            case JsonReply reply:
                await WriteWholeAsync(stream, 200, "application/json", JsonSerializer.Serialize(new
                {
                    id = "chatcmpl-fake",
                    @object = "chat.completion",
                    created = 1_700_000_000,
                    model = "fake",
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Text }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
                }));
                break;
            case StreamReply streamed:
                await WriteTextAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n");
                foreach (var chunk in streamed.Chunks)
                {
                    await WriteTextAsync(stream, "data: " + Chunk(new { role = "assistant", content = chunk }, null) + "\n\n");
                }
                await WriteTextAsync(stream, "data: " + Chunk(new { }, "stop") + "\n\ndata: [DONE]\n\n");
                break;
            case Status status:
                await WriteWholeAsync(stream, status.Code, "application/json",
                    """{"error":{"message":"the fake server was told to fail","type":"server_error","code":null,"param":null}}""");
                break;
            case Stall:
                await Task.Delay(MaxStall, stop.Token);
                break;
        }
    }

    private static string Chunk(object delta, string? finishReason) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-fake",
        @object = "chat.completion.chunk",
        created = 1_700_000_000,
        model = "fake",
        choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
    });

    private async Task WriteWholeAsync(NetworkStream stream, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await WriteTextAsync(stream,
            $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Error")}\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(bytes, stop.Token);
    }

    private async Task WriteTextAsync(NetworkStream stream, string text)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), stop.Token);
        await stream.FlushAsync(stop.Token);
    }
}
