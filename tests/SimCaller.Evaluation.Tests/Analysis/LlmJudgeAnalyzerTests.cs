using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Analysis;

namespace SimCaller.Evaluation.Tests.Analysis;

public sealed class LlmJudgeAnalyzerTests
{
    private const string Line = "we can't refund it but i can send a replacement today";

    private static LlmJudgeAnalyzer Judge(FakeChat chat, TimeSpan? timeout = null) =>
        new(chat, new RuleBasedAnalyzer(), timeout ?? TimeSpan.FromSeconds(5), NullLogger.Instance);

    private static readonly IReadOnlyList<Technique> RuleLabels = new RuleBasedAnalyzer().Analyze(Line).Techniques;

    [Fact]
    public async Task Valid_json_becomes_labels_with_evidence()
    {
        var chat = new FakeChat(_ => Task.FromResult("""{"techniques":[{"id":"solution","evidence":"i can send a replacement"},{"id":"expectation","evidence":"today"}]}"""));
        var result = await Judge(chat).AnalyzeAsync(Line, new AnalysisContext("I want my money back"));
        Assert.Equal([Technique.Solution, Technique.Expectation], result.Techniques);
        Assert.Equal("i can send a replacement", result.Matches.Single(m => m.Technique == Technique.Solution).Evidence);
        Assert.Contains("I want my money back", chat.LastPrompt);
        Assert.Contains("clarifying_question", chat.LastPrompt);
    }

    [Fact]
    public async Task Unknown_ids_are_dropped_and_fenced_json_is_accepted()
    {
        var chat = new FakeChat(_ => Task.FromResult("Here you go:\n```json\n{\"techniques\":[{\"id\":\"sympathy\"},{\"id\":\"solution\"},{\"id\":\"solution\"}]}\n```"));
        var result = await Judge(chat).AnalyzeAsync(Line);
        var match = Assert.Single(result.Matches);
        Assert.Equal(Technique.Solution, match.Technique);
        Assert.Equal(Line, match.Evidence);
    }

    [Fact]
    public async Task An_empty_list_is_a_valid_answer()
    {
        var result = await Judge(new FakeChat(_ => Task.FromResult("""{"techniques":[]}"""))).AnalyzeAsync(Line);
        Assert.Empty(result.Matches);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"labels\":[\"solution\"]}")]
    [InlineData("{\"techniques\": [ {\"id\": ")]
    [InlineData("")]
    public async Task Garbage_falls_back_to_the_rules(string reply)
    {
        var result = await Judge(new FakeChat(_ => Task.FromResult(reply))).AnalyzeAsync(Line);
        Assert.Equal(RuleLabels, result.Techniques);
    }

    [Fact]
    public async Task A_throwing_service_falls_back_to_the_rules()
    {
        var result = await Judge(new FakeChat(_ => throw new HttpRequestException("502 from the model server"))).AnalyzeAsync(Line);
        Assert.Equal(RuleLabels, result.Techniques);
    }

    [Fact]
    public async Task A_slow_service_falls_back_to_the_rules()
    {
        var chat = new FakeChat(async ct =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return """{"techniques":[{"id":"rude"}]}""";
        });
        var result = await Judge(chat, TimeSpan.FromMilliseconds(100)).AnalyzeAsync(Line);
        Assert.Equal(RuleLabels, result.Techniques);
    }

    [Fact]
    public async Task A_service_that_ignores_cancellation_still_falls_back()
    {
        var release = new TaskCompletionSource<string>();
        var chat = new FakeChat(_ => release.Task);
        var result = await Judge(chat, TimeSpan.FromMilliseconds(100)).AnalyzeAsync(Line);
        Assert.Equal(RuleLabels, result.Techniques);
        release.SetResult("{}");
    }

    [Fact]
    public async Task Caller_cancellation_is_not_swallowed()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var chat = new FakeChat(async ct =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return "{}";
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Judge(chat).AnalyzeAsync(Line, cancellationToken: cts.Token));
    }

    private sealed class FakeChat(Func<CancellationToken, Task<string>> reply) : IChatCompletionService
    {
        public string LastPrompt { get; private set; } = "";

        public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();

        public async Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
            ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
        {
            LastPrompt = string.Join("\n", chatHistory.Select(m => m.Content));
            var text = await reply(cancellationToken);
            return [new ChatMessageContent(AuthorRole.Assistant, text)];
        }

        public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
            ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var text = await reply(cancellationToken);
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, text);
        }
    }
}
