using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SimCaller.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of this test class's own (initdb into a temporary folder, a free port on
/// 127.0.0.1), for tests that must restart the server: the shared SIMCALLER_TEST_POSTGRES server is in
/// use by other tests. Needs PostgreSQL 15's binaries; as root it runs them as the postgres user (initdb
/// refuses root). Without them, <see cref="SkipReason"/> says why and the tests report themselves skipped.
/// </summary>
public sealed class PrivatePostgres : IAsyncLifetime
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private string? _folder;
    private string _startOptions = "";
    private string DataDirectory => Path.Combine(_folder!, "data");

    public string? SkipReason { get; private set; }
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            SkipReason = $"PostgreSQL 15 is not installed ({BinDirectory}/initdb is missing)";
            return;
        }
        var asRoot = Environment.UserName == "root";
        if (asRoot && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
        {
            SkipReason = "running as root without runuser, so PostgreSQL cannot be started as the postgres user";
            return;
        }
        _folder = Directory.CreateTempSubdirectory("simcaller-pg-").FullName;
        if (asRoot) await RunAsync("chown", ["postgres:postgres", _folder], asPostgres: false);
        var port = FreePort();
        await RunAsync(Path.Combine(BinDirectory, "initdb"), ["-D", DataDirectory, "--auth=trust", "-U", "postgres"]);
        _startOptions = $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1";
        await StartAsync();
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>Restarts the server as an administrator would (fast shutdown: every connection is ended).</summary>
    public Task RestartAsync() => RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "restart"]);

    /// <summary>Stops the server (fast shutdown); <see cref="StartAsync"/> brings it back on the same port.</summary>
    public Task StopAsync() => RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);

    public Task StartAsync() => RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
        ["-D", DataDirectory, "-l", Path.Combine(_folder!, "log"), "-o", _startOptions, "-w", "start"]);

    public async Task DisposeAsync()
    {
        if (_folder is null) return;
        try
        {
            // Already stopped by a test that failed half-way is fine too.
            await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres && Environment.UserName == "root")
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {CommandTimeout}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
    }
}
