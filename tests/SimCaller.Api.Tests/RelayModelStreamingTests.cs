using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Testing;

namespace SimCaller.Api.Tests;

/// <summary>
/// With a language model configured (a loopback OpenAI-compatible server), the customer's first words go
/// out on the socket while the model is still writing the rest of the reply.
/// </summary>
public sealed class RelayModelStreamingTests : IAsyncDisposable
{
    private const string TravelerLine = "+15557770001";
    private readonly TempDatabase _db = new();
    private LoopbackChatServer? _model;
    private SimCallerApp? _app;
    private RelayCallSimulator? _call;

    public async ValueTask DisposeAsync()
    {
        if (_call is not null) await _call.DisposeAsync();
        _app?.Dispose();
        if (_model is not null) await _model.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task The_first_words_leave_before_the_model_has_finished_the_reply()
    {
        _model = await LoopbackChatServer.StartAsync(["It's QX7R2M, my booking reference. ", "Now", " can", " you", " please", " rebook", " me?"]);
        _app = new SimCallerApp(_db.Path, new Dictionary<string, string?>
        {
            ["Twilio:Voice:Mode"] = "relay",
            [$"Twilio:Numbers:{TravelerLine}"] = "stressed-traveler",
            ["Model:Provider"] = "openai-compatible",
            ["Model:Endpoint"] = _model.V1,
            ["Model:ModelId"] = "loopback",
        });
        _call = new RelayCallSimulator(_app, TravelerLine);
        await _call.DialAsync();
        await _call.ConnectAsync();
        await _call.SetupAsync();

        _model.HoldAfterFirst = true;
        await _call.PromptAsync("what's your booking reference", last: true);
        var first = await _call.NextAsync();

        // The model is held after its first piece: that piece is already on the socket, the reply is not done.
        Assert.Equal("text", first.GetProperty("type").GetString());
        Assert.Contains("It's", first.GetProperty("token").GetString());
        Assert.False(first.GetProperty("last").GetBoolean());
        Assert.Equal(0, _model.Completed);
        Assert.Equal(1, _model.FirstPiecesSent);

        _model.Release();
        var rest = await _call.LineAsync();
        Assert.Equal(1, _model.Completed);
        Assert.EndsWith("rebook me?", rest.Text);
        Assert.True(rest.Tokens.Count > 3, "the reply came in one piece");
    }
}
