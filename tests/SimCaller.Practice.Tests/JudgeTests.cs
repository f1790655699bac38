using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SimCaller.Core.Techniques;

namespace SimCaller.Practice.Tests;

/// <summary>Issue 10 point 7: with the LLM judge on, live turns never wait on it; it labels the finished call for the debrief.</summary>
public class JudgeTests
{
    private const string SmallTalk = "The weather in Denver is lovely this week.";

    [Fact]
    public async Task Live_turns_never_call_the_judge_and_the_debrief_uses_its_labels()
    {
        var judge = new CountingJudgeModel();
        using var harness = new PracticeHarness(
            new Dictionary<string, string?> { ["Evaluation:Judge:Enabled"] = "true" },
            services => services.AddSingleton<IChatCompletionService>(judge));
        var started = await harness.Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 6));

        var live = await harness.Service.TakeTurnAsync(started.SessionId, new TraineeTurn(SmallTalk));
        await harness.Service.TakeTurnAsync(started.SessionId, new TraineeTurn("Let me check what I can do."));

        Assert.Equal(0, judge.Calls);
        Assert.DoesNotContain(Technique.Empathy, live.Analysis.Techniques);

        var ended = await harness.Service.EndAsync(started.SessionId, EndReason.Abandoned);

        Assert.Equal(2, judge.Calls);
        Assert.Contains(ended.Debrief.Criteria.SelectMany(c => c.Evidence), e => e.Technique == "empathy" && e.Quote.Contains("weather", StringComparison.Ordinal));
        // The stored turns keep the labels that moved the mood.
        var stored = (await harness.Service.GetTranscriptAsync(started.SessionId)).TraineeTurns.First();
        Assert.DoesNotContain(stored.Techniques, m => m.Technique == Technique.Empathy);
    }

    [Fact]
    public async Task Without_the_key_a_registered_model_does_not_label_anything()
    {
        var judge = new CountingJudgeModel();
        using var harness = new PracticeHarness(configure: services => services.AddSingleton<IChatCompletionService>(judge));
        var started = await harness.Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 6));

        await harness.Service.TakeTurnAsync(started.SessionId, new TraineeTurn(SmallTalk));
        await harness.Service.EndAsync(started.SessionId, EndReason.Abandoned);

        Assert.Equal(0, judge.Calls);
    }

    [Fact]
    public void Switching_the_judge_on_without_a_model_or_with_a_bad_value_fails_at_start_naming_the_key()
    {
        var noModel = Assert.Throws<InvalidOperationException>(() => new PracticeHarness(new Dictionary<string, string?> { ["Evaluation:Judge:Enabled"] = "true" }));
        var badValue = Assert.Throws<InvalidOperationException>(() => new PracticeHarness(new Dictionary<string, string?> { ["Evaluation:Judge:Enabled"] = "sometimes" }));

        Assert.Contains("Evaluation:Judge:Enabled", noModel.Message);
        Assert.Contains("Evaluation:Judge:Enabled", badValue.Message);
        Assert.Contains("sometimes", badValue.Message);
    }

    /// <summary>A model that, as judge, calls every line empathy, and counts how often it was asked.</summary>
    private sealed class CountingJudgeModel : IChatCompletionService
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();

        public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
            ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            var said = chatHistory.Last(m => m.Role == AuthorRole.User).Content ?? "";
            var quote = said.Contains(SmallTalk, StringComparison.Ordinal) ? SmallTalk : "check";
            var json = $$"""{"techniques":[{"id":"empathy","evidence":"{{quote}}"}]}""";
            return Task.FromResult<IReadOnlyList<ChatMessageContent>>([new ChatMessageContent(AuthorRole.Assistant, json)]);
        }

        public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
            ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The judge does not stream.");
    }
}
