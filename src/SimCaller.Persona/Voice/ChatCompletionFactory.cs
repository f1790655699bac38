using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace SimCaller.Persona.Voice;

/// <summary>
/// Wires the configured language model as a Semantic Kernel chat completion service, so the
/// customer's voice and the evaluation judge share one provider setup.
/// </summary>
public static class ChatCompletionFactory
{
    // Keys are not needed by local OpenAI-compatible servers, but the OpenAI client insists on one.
    private const string PlaceholderKey = "not-needed";

    /// <summary>The model's chat completion service, or null for the offline provider.</summary>
    /// <exception cref="InvalidOperationException">The options are invalid (the message lists every problem).</exception>
    public static IChatCompletionService? Create(ModelOptions options, ILoggerFactory? loggerFactory = null) =>
        CreateKernel(options, loggerFactory)?.GetRequiredService<IChatCompletionService>();

    /// <summary>A kernel holding the model's chat completion service, or null for the offline provider.</summary>
    /// <exception cref="InvalidOperationException">The options are invalid (the message lists every problem).</exception>
    public static Kernel? CreateKernel(ModelOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        if (options.IsOffline)
        {
            return null;
        }

        var builder = Kernel.CreateBuilder();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }
        var (modelId, client) = Client(options);
        builder.AddOpenAIChatCompletion(modelId, client);
        return builder.Build();
    }

    /// <summary>Sampling settings from the options (max tokens, temperature).</summary>
    public static PromptExecutionSettings ExecutionSettings(ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OpenAIPromptExecutionSettings { MaxTokens = options.MaxTokens, Temperature = options.Temperature };
    }

    private static (string ModelId, OpenAIClient Client) Client(ModelOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            // The voice enforces its own deadline and falls back; retries with back-off would only add dead air.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(2),
        };
        var provider = options.Provider.Trim().ToLowerInvariant();
        string modelId;
        switch (provider)
        {
            case ModelOptions.AzureOpenAI:
                // Azure OpenAI's v1 API speaks the OpenAI protocol, with the deployment as the model name.
                modelId = string.IsNullOrWhiteSpace(options.Deployment) ? options.ModelId! : options.Deployment;
                clientOptions.Endpoint = new Uri(options.Endpoint!.TrimEnd('/') + "/openai/v1/");
                break;
            default:
                modelId = options.ModelId!;
                if (options.Endpoint is not null)
                {
                    clientOptions.Endpoint = new Uri(options.Endpoint);
                }
                break;
        }
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? PlaceholderKey : options.ApiKey;
        return (modelId, new OpenAIClient(new ApiKeyCredential(key), clientOptions));
    }
}
