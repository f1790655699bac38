using System.Net;
using Microsoft.AspNetCore.Hosting;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Testing;

namespace SimCaller.Api.Tests.Web;

/// <summary>
/// The service on a real Kestrel port on 127.0.0.1 (a browser cannot reach the in-memory test server), over
/// HTTPS with a throwaway self-signed certificate, as in production (the cookies are Secure-only), and
/// Debian's chromium driven by Playwright (never `playwright install`). Missing chromium: the test is skipped.
/// </summary>
public sealed class BrowserApp : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly TempDatabase _database = new();
    private IPlaywright? _playwright;

    public SimCallerApp App { get; }
    public Uri BaseAddress { get; }
    public IBrowser Browser { get; private set; } = null!;

    private BrowserApp(IDictionary<string, string?>? settings)
    {
        App = new SimCallerApp(_database.Path, settings);
        var certificate = SelfSignedCertificate();
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        App.StartServer();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Skips the calling test when chromium is missing; otherwise a running service and browser.</summary>
    public static async Task<BrowserApp> StartAsync(IDictionary<string, string?>? settings = null)
    {
        Requires.Program(Chromium, "chromium");
        var app = new BrowserApp(settings);
        app._playwright = await Playwright.CreateAsync();
        app.Browser = await app._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return app;
    }

    /// <summary>A fresh browser profile (its own cookies): one per person in a scenario.</summary>
    public async Task<IPage> NewPersonAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
            // The certificate is this run's own; nothing else is trusted less because of it.
            IgnoreHTTPSErrors = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12 so that Kestrel gets a certificate whose private key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
        await App.DisposeAsync();
        _database.Dispose();
    }
}
