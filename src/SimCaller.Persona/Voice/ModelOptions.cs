using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SimCaller.Persona.Voice;

/// <summary>
/// Which language model speaks for the customer (and judges calls), from configuration section
/// "Model". The offline engine is the default and needs nothing.
/// </summary>
public sealed class ModelOptions
{
    public const string SectionName = "Model";

    public const string Offline = "offline";
    public const string OpenAI = "openai";
    public const string AzureOpenAI = "azure-openai";
    public const string OpenAICompatible = "openai-compatible";

    // Numbers in configuration that did not parse; reported by Validate rather than thrown while reading.
    private readonly List<string> invalidNumbers = [];

    public static IReadOnlyList<string> Providers { get; } = [Offline, OpenAI, AzureOpenAI, OpenAICompatible];

    /// <summary>offline (default), openai, azure-openai or openai-compatible.</summary>
    public string Provider { get; set; } = Offline;

    /// <summary>The model name (gpt-4o-mini, llama3.1); for Azure the deployment stands in when this is empty.</summary>
    public string? ModelId { get; set; }

    /// <summary>Base URL: required for openai-compatible (".../v1") and Azure (the resource URL).</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Azure OpenAI deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>Past this a turn falls back to the offline engine, so the caller never hears dead air.</summary>
    public double TimeoutSeconds { get; set; } = 8;

    public int MaxTokens { get; set; } = 120;

    public double Temperature { get; set; } = 0.8;

    public bool IsOffline => string.Equals(Provider?.Trim(), Offline, StringComparison.OrdinalIgnoreCase);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>
    /// Reads section "Model"; empty keys fall back to OPENAI_API_KEY, AZURE_OPENAI_API_KEY and
    /// AZURE_OPENAI_ENDPOINT. Numbers that do not parse are reported by <see cref="Validate"/>.
    /// </summary>
    /// <param name="environment">Environment lookup; the process environment when null (tests pass their own).</param>
    public static ModelOptions FromConfiguration(IConfiguration configuration, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        environment ??= Environment.GetEnvironmentVariable;
        var section = configuration.GetSection(SectionName);
        var options = new ModelOptions
        {
            Provider = Text(section["Provider"]) ?? Offline,
            ModelId = Text(section["ModelId"]),
            Endpoint = Text(section["Endpoint"]),
            ApiKey = Text(section["ApiKey"]),
            Deployment = Text(section["Deployment"]),
        };
        options.invalidNumbers.AddRange(
            new[]
            {
                Number(section, "TimeoutSeconds", v => options.TimeoutSeconds = v),
                Number(section, "MaxTokens", v => options.MaxTokens = (int)Math.Round(v)),
                Number(section, "Temperature", v => options.Temperature = v),
            }.OfType<string>());

        if (options.Provider.Equals(AzureOpenAI, StringComparison.OrdinalIgnoreCase))
        {
            options.ApiKey ??= Text(environment("AZURE_OPENAI_API_KEY"));
            options.Endpoint ??= Text(environment("AZURE_OPENAI_ENDPOINT"));
        }
        else if (!options.IsOffline)
        {
            options.ApiKey ??= Text(environment("OPENAI_API_KEY"));
        }
        return options;
    }

    /// <summary>Every problem, each naming its key; empty when the options can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(invalidNumbers);
        var provider = Provider?.Trim().ToLowerInvariant() ?? "";
        if (!Providers.Contains(provider))
        {
            problems.Add($"Model:Provider '{Provider}' is not one of {string.Join(", ", Providers)}.");
            return problems;
        }
        if (!(TimeoutSeconds > 0 && TimeoutSeconds <= 300))
        {
            problems.Add($"Model:TimeoutSeconds must be above 0 and at most 300 (got {TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}).");
        }
        if (MaxTokens is < 1 or > 4096)
        {
            problems.Add($"Model:MaxTokens must be between 1 and 4096 (got {MaxTokens}).");
        }
        if (!(Temperature >= 0 && Temperature <= 2))
        {
            problems.Add($"Model:Temperature must be between 0 and 2 (got {Temperature.ToString(CultureInfo.InvariantCulture)}).");
        }
        if (Endpoint is not null && !IsHttpUrl(Endpoint))
        {
            problems.Add($"Model:Endpoint '{Endpoint}' is not an absolute http(s) URL.");
        }

        switch (provider)
        {
            case OpenAI:
                Require(problems, ModelId, "Model:ModelId", "openai (e.g. gpt-4o-mini)");
                Require(problems, ApiKey, "Model:ApiKey (or OPENAI_API_KEY)", "openai");
                break;
            case OpenAICompatible:
                Require(problems, Endpoint, "Model:Endpoint", "openai-compatible (e.g. http://127.0.0.1:11434/v1)");
                Require(problems, ModelId, "Model:ModelId", "openai-compatible (e.g. llama3.1)");
                break;
            case AzureOpenAI:
                Require(problems, Endpoint, "Model:Endpoint (or AZURE_OPENAI_ENDPOINT)", "azure-openai (e.g. https://NAME.openai.azure.com)");
                Require(problems, ApiKey, "Model:ApiKey (or AZURE_OPENAI_API_KEY)", "azure-openai");
                if (string.IsNullOrWhiteSpace(Deployment) && string.IsNullOrWhiteSpace(ModelId))
                {
                    problems.Add("Model:Deployment is required for azure-openai (the name of your model deployment).");
                }
                break;
        }
        return problems;
    }

    /// <summary>Throws one exception listing every problem.</summary>
    /// <exception cref="InvalidOperationException">The options cannot be used.</exception>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid model configuration: " + string.Join(" ", problems));
        }
    }

    private static void Require(List<string> problems, string? value, string key, string provider)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{key} is required for {provider}.");
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Number(IConfiguration section, string key, Action<double> set)
    {
        var raw = Text(section[key]);
        if (raw is null)
        {
            return null;
        }
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            set(value);
            return null;
        }
        return $"Model:{key} '{raw}' is not a number.";
    }
}
