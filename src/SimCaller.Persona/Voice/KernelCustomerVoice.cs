using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace SimCaller.Persona.Voice;

/// <summary>
/// The customer's voice: asks the configured model (any Semantic Kernel chat completion service)
/// for the next line and keeps only what a person would say. A model that fails, answers empty or
/// misses <see cref="ModelOptions.TimeoutSeconds"/> is replaced by the offline engine for that turn,
/// with a warning, so the caller never hears dead air. Without a model the offline engine speaks.
/// </summary>
public sealed class KernelCustomerVoice : ICustomerVoice
{
    private readonly IChatCompletionService? model;
    private readonly OfflineCustomerEngine offline;
    private readonly ModelOptions options;
    private readonly ILogger logger;

    /// <param name="model">The language model, or null to always use the offline engine.</param>
    public KernelCustomerVoice(IChatCompletionService? model, OfflineCustomerEngine offline, ModelOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(offline);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        this.model = model;
        this.offline = offline;
        this.options = options;
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>A voice that only uses the offline engine: no network, no key.</summary>
    public static KernelCustomerVoice CreateOffline() => new(null, new OfflineCustomerEngine(), new ModelOptions());

    public async Task<string> ReplyAsync(CustomerReplyRequest request, CancellationToken cancellationToken = default)
    {
        var history = CustomerPromptBuilder.Build(request);
        if (model is null)
        {
            return offline.Reply(history);
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            // WaitAsync bounds the wait even if the provider ignores cancellation.
            var reply = await model
                .GetChatMessageContentAsync(history, ChatCompletionFactory.ExecutionSettings(options), kernel: null, attempt.Token)
                .WaitAsync(options.Timeout, cancellationToken)
                .ConfigureAwait(false);
            var text = SpeakableText.Clean(reply.Content, request.Persona.Name);
            if (text.Length > 0)
            {
                return text;
            }
            Warn(request, "the model returned nothing speakable");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutException)
        {
            Warn(request, $"no reply within {options.TimeoutSeconds:0.##} s");
        }
        catch (Exception ex)
        {
            Warn(request, ex.GetType().Name + ": " + ex.Message);
        }
        finally
        {
            await attempt.CancelAsync().ConfigureAwait(false);
        }
        return offline.Reply(history);
    }

    public async IAsyncEnumerable<string> StreamReplyAsync(
        CustomerReplyRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var history = CustomerPromptBuilder.Build(request);
        if (model is null)
        {
            // Sentence by sentence, so a streaming channel can speak the first while the rest is sent.
            foreach (var sentence in OfflineCustomerEngine.Sentences(offline.Reply(history)))
            {
                yield return sentence;
            }
            yield break;
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var speakable = new SpeakableText(request.Persona.Name);
        var chunks = model
            .GetStreamingChatMessageContentsAsync(history, ChatCompletionFactory.ExecutionSettings(options), kernel: null, attempt.Token)
            .GetAsyncEnumerator(attempt.Token);
        try
        {
            var first = await NextPieceAsync(chunks, speakable, cancellationToken).ConfigureAwait(false);
            if (first.Text is null)
            {
                Warn(request, first.Problem ?? "the model streamed nothing speakable");
                foreach (var sentence in OfflineCustomerEngine.Sentences(offline.Reply(history)))
                {
                    yield return sentence;
                }
                yield break;
            }
            yield return first.Text;

            while (true)
            {
                var next = await NextPieceAsync(chunks, speakable, cancellationToken).ConfigureAwait(false);
                if (next.Text is null)
                {
                    if (next.Problem is not null)
                    {
                        // Words already spoken cannot be taken back; end the line where it broke off.
                        logger.LogWarning("Customer model stream for {Persona} broke off ({Problem}); the line ends there", request.Persona.Id, next.Problem);
                    }
                    yield break;
                }
                yield return next.Text;
            }
        }
        finally
        {
            await attempt.CancelAsync().ConfigureAwait(false);
            await DisposeQuietlyAsync(chunks).ConfigureAwait(false);
        }
    }

    private readonly record struct Piece(string? Text, string? Problem);

    /// <summary>The next non-empty speakable piece; Text null at the end of the stream or on a problem.</summary>
    private async Task<Piece> NextPieceAsync(
        IAsyncEnumerator<StreamingChatMessageContent> chunks,
        SpeakableText speakable,
        CancellationToken cancellationToken)
    {
        try
        {
            while (!speakable.IsComplete)
            {
                if (!await chunks.MoveNextAsync().AsTask().WaitAsync(options.Timeout, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
                var text = speakable.Push(chunks.Current.Content);
                if (text.Length > 0)
                {
                    return new Piece(text, null);
                }
            }
            var rest = speakable.Flush().TrimEnd();
            return new Piece(rest.Length > 0 ? rest : null, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutException)
        {
            return new Piece(null, $"nothing within {options.TimeoutSeconds:0.##} s");
        }
        catch (Exception ex)
        {
            return new Piece(null, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static async Task DisposeQuietlyAsync(IAsyncEnumerator<StreamingChatMessageContent> chunks)
    {
        try
        {
            await chunks.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A stream abandoned mid-read may refuse disposal; its request is already cancelled.
        }
    }

    private void Warn(CustomerReplyRequest request, string problem) =>
        logger.LogWarning(
            "Customer model failed for {Persona} turn {Turn} ({Problem}); the offline engine speaks this turn",
            request.Persona.Id, request.TurnNumber, problem);
}
