using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Api.Debriefs;

namespace SimCaller.Api.Tests.Infrastructure;

/// <summary>
/// One instance of the API on a given store. Two of these on the same database file are two servers
/// behind a load balancer: nothing about a call may live in either one's memory.
/// </summary>
public sealed class SimCallerApp : WebApplicationFactory<Program>
{
    public const string AuthToken = "test-auth-token-0123456789";
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string PublicBaseUrl = "https://practice.simcaller.test";
    public const string SmsFrom = "+15550009999";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Runs after the service's own composition, e.g. to put a test double under the store's deadline.</param>
    public SimCallerApp(string databasePath, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:Path"] = databasePath,
            ["Personas:Path"] = RepositoryPaths.Personas,
            ["Personas:Watch"] = "false",
            // Sessions and webhooks are what these tests are about; the sentence model is tested in-process elsewhere.
            ["Understanding:Model"] = "none",
            ["Model:Provider"] = "offline",
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
            ["Twilio:SmsFrom"] = SmsFrom,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public RecordingSmsHandler Sms { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddHttpClient(DebriefLinkSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Sms);
            _services?.Invoke(services);
        });
    }
}
