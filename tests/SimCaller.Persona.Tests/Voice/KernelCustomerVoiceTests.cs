using System.Diagnostics;
using System.Text.Json;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using static SimCaller.Persona.Tests.Voice.VoiceFixture;

namespace SimCaller.Persona.Tests.Voice;

/// <summary>The real Semantic Kernel OpenAI connector against an OpenAI-compatible server on 127.0.0.1.</summary>
public class KernelCustomerVoiceTests
{
    private const string TraineeLine = "What's your booking reference?";

    private readonly ListLogger logger = new();

    private static CustomerReplyRequest Request() => After(Traveller(), TraineeLine, "clarifying_question", 70, MoodState.Angry, seed: 11);

    private KernelCustomerVoice Voice(FakeOpenAIServer server, double timeoutSeconds = 8)
    {
        var options = new ModelOptions
        {
            Provider = ModelOptions.OpenAICompatible,
            Endpoint = server.V1,
            ModelId = "test-model",
            TimeoutSeconds = timeoutSeconds,
        };
        return new KernelCustomerVoice(ChatCompletionFactory.Create(options), new OfflineCustomerEngine(), options, logger);
    }

    private static async Task<List<string>> Collect(IAsyncEnumerable<string> pieces)
    {
        var list = new List<string>();
        await foreach (var piece in pieces)
        {
            list.Add(piece);
        }
        return list;
    }

    private static Task<string> OfflineReply(CustomerReplyRequest request) => KernelCustomerVoice.CreateOffline().ReplyAsync(request);

    [Fact]
    public async Task The_model_gets_the_persona_prompt_and_the_conversation_and_its_reply_is_spoken()
    {
        await using var server = FakeOpenAIServer.Start(new FakeOpenAIServer.JsonReply("It's QX7R2M. Now can you please rebook me?"));
        var reply = await Voice(server).ReplyAsync(Request());

        Assert.Equal("It's QX7R2M. Now can you please rebook me?", reply);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/chat/completions"), (request.Method, request.Path));
        var body = request.Json;
        Assert.Equal("test-model", body.GetProperty("model").GetString());
        var messages = body.GetProperty("messages").EnumerateArray()
            .Select(m => (Role: m.GetProperty("role").GetString(), Content: Content(m)))
            .ToList();
        Assert.Equal(["system", "assistant", "user"], messages.Select(m => m.Role));
        Assert.Contains("You are Dana Price", messages[0].Content);
        Assert.Contains("QX7R2M", messages[0].Content);
        Assert.Equal(Traveller().OpeningLines[0], messages[1].Content);
        Assert.Equal(TraineeLine, messages[2].Content);
        Assert.DoesNotContain(CustomerCue.MetadataKey, request.Body);
        Assert.Empty(logger.Warnings);
    }

    [Fact]
    public async Task Labels_and_stage_directions_from_the_model_are_not_spoken()
    {
        await using var server = FakeOpenAIServer.Start(new FakeOpenAIServer.JsonReply("Dana: \"*sighs* It's QX7R2M.\"\nAgent: Thanks."));
        Assert.Equal("It's QX7R2M.", await Voice(server).ReplyAsync(Request()));
    }

    [Fact]
    public async Task Streaming_yields_the_models_pieces_in_order()
    {
        await using var server = FakeOpenAIServer.Start(new FakeOpenAIServer.StreamReply(["Finally,", " someone", " asks.", " It's QX7R2M."]));
        var pieces = await Collect(Voice(server).StreamReplyAsync(Request()));

        Assert.Equal(["Finally,", " someone", " asks.", " It's QX7R2M."], pieces);
        var request = Assert.Single(server.Requests);
        Assert.True(request.Json.GetProperty("stream").GetBoolean());
        Assert.Contains("You are Dana Price", request.Body);
        Assert.Empty(logger.Warnings);
    }

    [Fact]
    public async Task A_stalled_model_is_replaced_by_the_offline_engine_well_before_the_stall_ends()
    {
        await using var server = FakeOpenAIServer.Start(new FakeOpenAIServer.Stall());
        var voice = Voice(server, timeoutSeconds: 1);
        var clock = Stopwatch.StartNew();

        var reply = await voice.ReplyAsync(Request());
        var streamed = await Collect(voice.StreamReplyAsync(Request()));

        Assert.True(clock.Elapsed < FakeOpenAIServer.MaxStall / 3, $"fallback took {clock.Elapsed}");
        Assert.Equal(await OfflineReply(Request()), reply);
        Assert.Equal(await OfflineReply(Request()), string.Concat(streamed));
        Assert.Contains("QX7R2M", reply);
        Assert.Equal(2, logger.Warnings.Count(w => w.Contains("offline engine")));
    }

    [Fact]
    public async Task A_failing_model_is_replaced_by_the_offline_engine_and_logged()
    {
        await using var server = FakeOpenAIServer.Start(new FakeOpenAIServer.Status(500));
        var voice = Voice(server);

        Assert.Equal(await OfflineReply(Request()), await voice.ReplyAsync(Request()));
        Assert.Equal(await OfflineReply(Request()), string.Concat(await Collect(voice.StreamReplyAsync(Request()))));
        Assert.Equal(2, logger.Warnings.Count());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task An_empty_model_reply_is_replaced_by_the_offline_engine()
    {
        await using var server = FakeOpenAIServer.Start(new FakeOpenAIServer.JsonReply("*stays silent*"));
        Assert.Equal(await OfflineReply(Request()), await Voice(server).ReplyAsync(Request()));
        Assert.Contains(logger.Warnings, w => w.Contains("nothing speakable"));
    }

    [Fact]
    public async Task Azure_OpenAI_is_reached_on_its_v1_path_with_the_deployment_as_model()
    {
        await using var server = FakeOpenAIServer.Start(new FakeOpenAIServer.JsonReply("Fine."));
        var options = new ModelOptions
        {
            Provider = ModelOptions.AzureOpenAI,
            Endpoint = server.Root,
            Deployment = "gpt4o-prod",
            ApiKey = "az-key",
        };
        var voice = new KernelCustomerVoice(ChatCompletionFactory.Create(options), new OfflineCustomerEngine(), options, logger);

        Assert.Equal("Fine.", await voice.ReplyAsync(Request()));
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal("gpt4o-prod", request.Json.GetProperty("model").GetString());
        Assert.Equal("Bearer az-key", request.Headers["Authorization"]);
    }

    // The connector may send content as a string or as an array of text parts.
    private static string Content(JsonElement message)
    {
        var content = message.GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Concat(content.EnumerateArray().Select(p => p.GetProperty("text").GetString()));
    }
}
