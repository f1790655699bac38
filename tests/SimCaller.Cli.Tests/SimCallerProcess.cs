using System.Diagnostics;
using System.Text;

namespace SimCaller.Cli.Tests;

/// <summary>Runs the real built `simcaller` (dotnet simcaller.dll) as a child process, always within a time limit.</summary>
public sealed class SimCallerProcess : IDisposable
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly object _gate = new();

    private SimCallerProcess(Process process)
    {
        _process = process;
    }

    /// <summary>simcaller.dll beside the tests (the project reference copies it), else the CLI project's own output.</summary>
    public static string DllPath { get; } = FindDll();

    public string Stdout { get { lock (_gate) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_gate) { return _stderr.ToString(); } } }

    public static SimCallerProcess Start(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // Never touch the developer's own database or settings.
        info.Environment["XDG_DATA_HOME"] = Path.Combine(workingDirectory, "xdg");
        info.Environment["NO_COLOR"] = "1";
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Storage__", StringComparison.Ordinal) || k.StartsWith("Model__", StringComparison.Ordinal) || k.StartsWith("Personas__", StringComparison.Ordinal)).ToArray())
        {
            info.Environment.Remove(key);
        }
        // These tests start dozens of CLI processes side by side; each loading the sentence model (an ONNX
        // session of ~90 MB, seconds of CPU on a busy 2-core box) would only test the same load again and
        // again. The model's behaviour is tested in-process with one shared instance (Evaluation and
        // Persona tests); `analyze` keeps it here, as the CLI's check of the default path.
        if (args.Length == 0 || args[0] != "analyze")
        {
            info.Environment["Understanding__Model"] = "none";
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var run = new SimCallerProcess(process);
        process.OutputDataReceived += (_, e) => run.Append(run._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => run.Append(run._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Runs to the end with <paramref name="stdin"/> as input.</summary>
    public static async Task<SimCallerProcess> RunAsync(string workingDirectory, string? stdin, params string[] args)
    {
        var run = Start(workingDirectory, args);
        if (stdin is not null)
        {
            await run._process.StandardInput.WriteAsync(stdin);
        }
        run._process.StandardInput.Close();
        await run.WaitForExitAsync();
        return run;
    }

    public int ExitCode => _process.ExitCode;

    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits until stdout holds <paramref name="count"/> lines matching, or fails after the limit.</summary>
    public async Task WaitForLinesAsync(Func<string, bool> match, int count)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (Lines(Stdout).Count(match) < count)
        {
            Assert.False(_process.HasExited && Lines(Stdout).Count(match) < count, $"simcaller exited early.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for output.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            await Task.Delay(50);
        }
    }

    public async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            // Drains the asynchronous readers.
            _process.WaitForExit();
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"simcaller did not finish within {Limit.TotalSeconds} s.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'));

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            target.Append(line).Append('\n');
        }
    }

    private static string FindDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "simcaller.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "simcaller.runtimeconfig.json")))
        {
            return beside;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SimCaller.sln")))
            {
                var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
                var built = Path.Combine(dir.FullName, "src", "SimCaller.Cli", "bin", configuration, "net10.0", "simcaller.dll");
                if (File.Exists(built))
                {
                    return built;
                }
            }
        }
        throw new FileNotFoundException("simcaller.dll not found beside the tests or in src/SimCaller.Cli/bin; build the solution first.");
    }
}
