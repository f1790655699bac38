using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SimCaller.Accounts;
using SimCaller.Practice;

namespace SimCaller.Cli.Hosting;

/// <summary>
/// The composition root: configuration from appsettings.json beside the binary, then environment
/// variables (Section__Key), then the command's flags; logging to stderr; everything else from
/// <c>AddSimCallerPractice</c>. Services are built lazily, so commands that need nothing open nothing.
/// </summary>
public sealed class CliServices : IAsyncDisposable
{
    private readonly Lazy<ServiceProvider> _provider;

    private CliServices(IConfiguration configuration, bool verbose)
    {
        Configuration = configuration;
        _provider = new Lazy<ServiceProvider>(() =>
        {
            var services = new ServiceCollection();
            services.AddLogging(logging => logging
                .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning)
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
            services.AddSingleton(configuration);
            services.AddSimCallerPractice(configuration);
            services.AddSimCallerAccounts();
            return services.BuildServiceProvider();
        });
    }

    public IConfiguration Configuration { get; }

    public T Get<T>() where T : notnull => _provider.Value.GetRequiredService<T>();

    public ILogger Logger => Get<ILoggerFactory>().CreateLogger("simcaller");

    public static CliServices Build(ParseResult parse, GlobalOptions options)
    {
        var configuration = new ConfigurationBuilder()
            // A one-shot command has no use for watching persona files change.
            .AddInMemoryCollection([new("Personas:Watch", "false")])
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(options.Overrides(parse))
            .Build();
        return new CliServices(configuration, parse.GetValue(options.Verbose));
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider.IsValueCreated)
        {
            // Flushes the console logger's queue before the process exits.
            await _provider.Value.DisposeAsync();
        }
    }
}
