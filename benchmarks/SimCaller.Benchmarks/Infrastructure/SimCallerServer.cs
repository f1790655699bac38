using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SimCaller.Benchmarks.Infrastructure;

/// <summary>
/// The real API in-process on a TestServer: SQLite in the given file, the offline customer, one dialled
/// number routed to the stressed traveller, no texts sent (SmsFrom empty), logging at warnings only.
/// </summary>
public sealed class SimCallerServer(string databasePath) : WebApplicationFactory<global::Program>
{
    public const string AuthToken = "bench-auth-token-0123456789";
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string PublicBaseUrl = "https://practice.simcaller.test";
    public const string TravelerLine = "+15557770001";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // WebApplicationFactory looks for its manifest in the current directory, which is wherever the
        // benchmarks were started from; name the API's folder instead.
        builder.UseContentRoot(RepositoryData.ApiContentRoot);
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:Path"] = databasePath,
            ["Personas:Path"] = RepositoryData.Personas,
            ["Personas:Watch"] = "false",
            ["Rubric:Path"] = RepositoryData.Rubric,
            ["Model:Provider"] = "offline",
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
            ["Twilio:SmsFrom"] = "",
            [$"Twilio:Numbers:{TravelerLine}"] = RepositoryData.PersonaId,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // Sign-ins are measured here, not the per-address limit on them.
            ["RateLimiting:PermitLimit"] = "1000000",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
