using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel.ChatCompletion;
using SimCaller.Persona.Voice;

namespace SimCaller.Persona.Tests.Voice;

public class ModelOptionsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static DictionaryConfiguration Config(params (string Key, string Value)[] settings) =>
        new(settings.ToDictionary(s => "Model:" + s.Key, s => (string?)s.Value, StringComparer.OrdinalIgnoreCase));

    [Fact]
    public void Without_settings_the_offline_engine_is_used_with_the_documented_defaults()
    {
        var options = ModelOptions.FromConfiguration(Config(), NoEnvironment);
        Assert.True(options.IsOffline);
        Assert.Equal((8.0, 120, 0.8), (options.TimeoutSeconds, options.MaxTokens, options.Temperature));
        Assert.Empty(options.Validate());
        Assert.Null(ChatCompletionFactory.Create(options));
    }

    [Fact]
    public void Settings_are_read_from_the_model_section()
    {
        var options = ModelOptions.FromConfiguration(
            Config(("Provider", "openai-compatible"), ("Endpoint", "http://127.0.0.1:11434/v1"), ("ModelId", "llama3.1"),
                ("TimeoutSeconds", "2.5"), ("MaxTokens", "80"), ("Temperature", "0.3")),
            NoEnvironment);
        Assert.Equal(("openai-compatible", "http://127.0.0.1:11434/v1", "llama3.1"), (options.Provider, options.Endpoint, options.ModelId));
        Assert.Equal((2.5, 80, 0.3), (options.TimeoutSeconds, options.MaxTokens, options.Temperature));
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void An_openai_compatible_provider_without_an_endpoint_is_named_as_the_problem()
    {
        var options = ModelOptions.FromConfiguration(Config(("Provider", "openai-compatible"), ("ModelId", "llama3.1")), NoEnvironment);
        var problem = Assert.Single(options.Validate());
        Assert.Contains("Model:Endpoint", problem);
        var error = Assert.Throws<InvalidOperationException>(() => ChatCompletionFactory.Create(options));
        Assert.Contains("Model:Endpoint", error.Message);
    }

    [Theory]
    [InlineData("Provider", "gpt", "Model:Provider 'gpt' is not one of offline, openai, azure-openai, openai-compatible")]
    [InlineData("TimeoutSeconds", "soon", "Model:TimeoutSeconds 'soon' is not a number")]
    [InlineData("TimeoutSeconds", "0", "Model:TimeoutSeconds must be above 0")]
    [InlineData("Temperature", "7", "Model:Temperature must be between 0 and 2")]
    [InlineData("Endpoint", "localhost:11434", "Model:Endpoint 'localhost:11434' is not an absolute http(s) URL")]
    public void Bad_values_get_a_message_naming_the_key(string key, string value, string message)
    {
        var options = ModelOptions.FromConfiguration(Config((key, value)), NoEnvironment);
        Assert.Contains(options.Validate(), p => p.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void OpenAI_needs_a_model_and_a_key_and_takes_the_key_from_the_environment()
    {
        var missing = ModelOptions.FromConfiguration(Config(("Provider", "openai")), NoEnvironment).Validate();
        Assert.Contains(missing, p => p.Contains("Model:ModelId"));
        Assert.Contains(missing, p => p.Contains("OPENAI_API_KEY"));

        var options = ModelOptions.FromConfiguration(
            Config(("Provider", "openai"), ("ModelId", "gpt-4o-mini")),
            name => name == "OPENAI_API_KEY" ? "sk-test" : null);
        Assert.Equal("sk-test", options.ApiKey);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Azure_takes_key_and_endpoint_from_its_environment_variables_and_needs_a_deployment()
    {
        var environment = new Dictionary<string, string?>
        {
            ["AZURE_OPENAI_API_KEY"] = "az-key",
            ["AZURE_OPENAI_ENDPOINT"] = "https://example.openai.azure.com",
            ["OPENAI_API_KEY"] = "not-for-azure",
        };
        var options = ModelOptions.FromConfiguration(Config(("Provider", "azure-openai")), n => environment.GetValueOrDefault(n));
        Assert.Equal(("az-key", "https://example.openai.azure.com"), (options.ApiKey, options.Endpoint));
        Assert.Contains("Model:Deployment", Assert.Single(options.Validate()));

        options.Deployment = "gpt4o-prod";
        Assert.Empty(options.Validate());
    }

    [Fact]
    public async Task AddCustomerVoice_registers_an_offline_voice_and_no_model_by_default()
    {
        using var provider = new ServiceCollection().AddCustomerVoice(Config()).BuildServiceProvider();
        Assert.Null(provider.GetService<IChatCompletionService>());
        var persona = VoiceFixture.Traveller();
        var reply = await provider.GetRequiredService<ICustomerVoice>().ReplyAsync(VoiceFixture.Opening(persona));
        Assert.Equal(persona.OpeningLines[0], reply);
    }

    [Fact]
    public void AddCustomerVoice_registers_the_configured_model()
    {
        var config = Config(("Provider", "openai-compatible"), ("Endpoint", "http://127.0.0.1:9/v1"), ("ModelId", "local"));
        using var provider = new ServiceCollection().AddCustomerVoice(config).BuildServiceProvider();
        Assert.NotNull(provider.GetService<IChatCompletionService>());
        Assert.IsType<KernelCustomerVoice>(provider.GetRequiredService<ICustomerVoice>());
        Assert.Equal("local", provider.GetRequiredService<ModelOptions>().ModelId);
    }

    [Fact]
    public void AddCustomerVoice_fails_at_startup_on_a_bad_model_section()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddCustomerVoice(Config(("Provider", "openai-compatible"), ("ModelId", "x"))));
        Assert.Contains("Model:Endpoint", error.Message);
    }
}
