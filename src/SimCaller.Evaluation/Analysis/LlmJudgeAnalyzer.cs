using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using SimCaller.Core.Techniques;

namespace SimCaller.Evaluation.Analysis;

/// <summary>
/// Asks a language model to label an utterance, as structured JSON
/// (<c>{"techniques":[{"id":"empathy","evidence":"..."}]}</c>). Ids outside the shared vocabulary are
/// dropped; on any error, timeout or malformed answer the rule-based labels are used instead, so a
/// call never stalls on the model.
/// </summary>
public sealed class LlmJudgeAnalyzer : ITurnAnalyzer
{
    private readonly IChatCompletionService _chat;
    private readonly RuleBasedAnalyzer _fallback;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;

    public LlmJudgeAnalyzer(IChatCompletionService chat, RuleBasedAnalyzer fallback, TimeSpan timeout, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(logger);
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The judge's timeout must be positive.");
        }
        _chat = chat;
        _fallback = fallback;
        _timeout = timeout;
        _logger = logger;
    }

    public async Task<UtteranceAnalysis> AnalyzeAsync(string text, AnalysisContext? context = null, CancellationToken cancellationToken = default)
    {
        text ??= "";
        if (text.Trim().Length == 0)
        {
            return UtteranceAnalysis.Empty(text);
        }

        string? reply;
        try
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(_timeout);
            // WaitAsync as well: a service that ignores the token must not hold the call past the timeout.
            var message = await _chat
                .GetChatMessageContentAsync(BuildPrompt(text, context), Settings, kernel: null, timeoutSource.Token)
                .WaitAsync(_timeout, cancellationToken)
                .ConfigureAwait(false);
            reply = message.Content;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            _logger.LogWarning("LLM judge timed out after {Timeout}; using the rule-based labels", _timeout);
            return _fallback.Analyze(text, context);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "LLM judge failed; using the rule-based labels");
            return _fallback.Analyze(text, context);
        }

        if (TryParse(reply, text, out var matches, out var problem))
        {
            return new UtteranceAnalysis(text, matches);
        }
        _logger.LogWarning("LLM judge answered unusable JSON ({Problem}); using the rule-based labels", problem);
        return _fallback.Analyze(text, context);
    }

    private static readonly OpenAIPromptExecutionSettings Settings = new()
    {
        Temperature = 0,
        ResponseFormat = "json_object",
    };

    private static ChatHistory BuildPrompt(string text, AnalysisContext? context)
    {
        var system = new StringBuilder()
            .AppendLine("You label what a customer-service trainee said with de-escalation technique ids.")
            .AppendLine("Use only these ids: " + string.Join(", ", TechniqueIds.AllIds) + ".")
            .AppendLine("An utterance may carry several ids or none. Stock phrases (\"I understand your frustration\",")
            .AppendLine("\"sorry for any inconvenience\") are cliche, not empathy or apology. A refusal followed by an")
            .AppendLine("alternative is a solution. Hiding behind policy is blame. Restating the customer's need is paraphrase.")
            .AppendLine("\"Sorry, could you say that again\" is clarifying_question. Impatience (\"yes yes\") is rude.")
            .AppendLine("Answer with JSON only: {\"techniques\":[{\"id\":\"<id>\",\"evidence\":\"<the words that show it>\"}]}")
            .ToString();
        var history = new ChatHistory(system);
        var user = context?.PreviousCustomerLine is { Length: > 0 } previous
            ? $"Customer said: {previous}\nTrainee said: {text}"
            : $"Trainee said: {text}";
        history.AddUserMessage(user);
        return history;
    }

    private bool TryParse(string? reply, string text, out IReadOnlyList<TechniqueMatch> matches, out string problem)
    {
        matches = [];
        if (string.IsNullOrWhiteSpace(reply))
        {
            problem = "empty reply";
            return false;
        }
        // Models like to wrap JSON in prose or code fences: take the outermost object.
        var start = reply.IndexOf('{');
        var end = reply.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            problem = "no JSON object";
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(reply[start..(end + 1)]);
            if (!doc.RootElement.TryGetProperty("techniques", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problem = "no \"techniques\" array";
                return false;
            }

            var found = new List<TechniqueMatch>();
            foreach (var item in list.EnumerateArray())
            {
                var id = item.ValueKind switch
                {
                    JsonValueKind.Object when item.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String => idElement.GetString(),
                    JsonValueKind.String => item.GetString(),
                    _ => null,
                };
                if (!TechniqueIds.TryParse(id, out var technique))
                {
                    _logger.LogDebug("LLM judge used unknown technique id {Id}; dropped", id);
                    continue;
                }
                if (found.Any(m => m.Technique == technique))
                {
                    continue;
                }
                var evidence = item.ValueKind == JsonValueKind.Object
                    && item.TryGetProperty("evidence", out var evidenceElement)
                    && evidenceElement.ValueKind == JsonValueKind.String
                    && evidenceElement.GetString() is { Length: > 0 } words
                        ? words
                        : text;
                found.Add(new TechniqueMatch(technique, evidence));
            }
            matches = found.OrderBy(m => m.Technique).ToArray();
            problem = "";
            return true;
        }
        catch (JsonException ex)
        {
            problem = ex.Message;
            return false;
        }
    }
}
