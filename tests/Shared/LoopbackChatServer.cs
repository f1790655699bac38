using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SimCaller.Testing;

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 (Kestrel, a free port) that streams a fixed
/// reply as server-sent events (a request without stream:true gets it whole): the first piece after <see cref="FirstTokenDelay"/>, the rest
/// <see cref="Between"/> apart, and, when <see cref="HoldAfterFirst"/> is set, nothing after the first piece
/// until the test releases it. Streaming only: the relay asks for nothing else.
/// </summary>
public sealed class LoopbackChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LoopbackChatServer(WebApplication app, IReadOnlyList<string> pieces)
    {
        _app = app;
        Pieces = pieces;
    }

    public IReadOnlyList<string> Pieces { get; }
    public TimeSpan FirstTokenDelay { get; set; }
    public TimeSpan Between { get; set; }
    public bool HoldAfterFirst { get; set; }

    /// <summary>Requests whose first piece has been written.</summary>
    public int FirstPiecesSent;

    /// <summary>Streamed requests sent to the end.</summary>
    public int Completed;

    public string V1 { get; private set; } = "";

    public static async Task<LoopbackChatServer> StartAsync(IReadOnlyList<string> pieces)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackChatServer(app, pieces);
        app.MapPost("/v1/chat/completions", server.StreamAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.V1 = address.TrimEnd('/') + "/v1";
        return server;
    }

    /// <summary>Lets held streams finish.</summary>
    public void Release()
    {
        var release = _release;
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        release.TrySetResult();
    }

    private async Task StreamAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        using var request = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
        if (!(request.RootElement.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True))
        {
            // A plain request (the call's opening line) gets the whole reply at once.
            await http.Response.WriteAsJsonAsync(new
            {
                id = "chatcmpl-loopback",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = "loopback",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = string.Concat(Pieces) }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
            }, ct);
            return;
        }
        http.Response.ContentType = "text/event-stream";
        if (FirstTokenDelay > TimeSpan.Zero) await Task.Delay(FirstTokenDelay, ct);
        for (var i = 0; i < Pieces.Count; i++)
        {
            if (i == 1 && HoldAfterFirst)
            {
                // Bounded: a test that forgets to release must not hang.
                await _release.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            }
            else if (i > 0 && Between > TimeSpan.Zero)
            {
                await Task.Delay(Between, ct);
            }
            await http.Response.WriteAsync("data: " + Chunk(new { role = "assistant", content = Pieces[i] }, null) + "\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            if (i == 0) Interlocked.Increment(ref FirstPiecesSent);
        }
        await http.Response.WriteAsync("data: " + Chunk(new { }, "stop") + "\n\ndata: [DONE]\n\n", ct);
        Interlocked.Increment(ref Completed);
    }

    private static string Chunk(object delta, string? finishReason) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-loopback",
        @object = "chat.completion.chunk",
        created = 1_700_000_000,
        model = "loopback",
        choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
    });

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
