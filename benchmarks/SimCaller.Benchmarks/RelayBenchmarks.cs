using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SimCaller.Benchmarks.Infrastructure;
using SimCaller.Persona.Voice;
using SimCaller.Testing;

namespace SimCaller.Benchmarks;

/// <summary>
/// Streaming phone calls (relay mode): the time from the trainee's final <c>prompt</c> to the customer's
/// first <c>text</c> token on the socket, with the offline customer, on a quiet service and with 500 other
/// relay calls in progress. Each background call takes a turn every 5-15 s (as people do: the customer
/// speaks, then the trainee), about 50 turns a second in all, and hangs up and redials before its persona's
/// turn limit. One operation is one turn and every iteration one operation, so P50 and P99 are per-turn
/// latencies. The service runs in-process (TestServer) with SQLite and the keyword rules only
/// (Understanding:Model=none): the sentence model's own cost per turn is UnderstandingBenchmarks' to measure,
/// and adds its embedding time to every figure here.
/// </summary>
[Config(typeof(RelayConfig))]
public class RelayFirstTokenBenchmarks
{
    private const int TurnsPerCall = 14;

    private TempDirectory _dir = null!;
    private SimCallerServer _server = null!;
    private HttpClient _http = null!;
    private RelayClient _call = null!;
    private readonly List<Task> _background = [];
    private readonly CancellationTokenSource _stop = new();
    private int _next;

    [Params(0, 500)]
    public int OtherCalls { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _dir = new TempDirectory();
        _server = new SimCallerServer(Path.Combine(_dir.Path, "relay.db"), new Dictionary<string, string> { ["Twilio:Voice:Mode"] = "relay", ["Understanding:Model"] = "none" });
        _http = _server.CreateClient();
        _call = RelayClient.StartAsync(_server, _http).GetAwaiter().GetResult();
        // Open the other calls a few at a time, as calls arrive, then let each talk at its own pace.
        var opened = new List<RelayClient>();
        for (var i = 0; i < OtherCalls; i += 25)
        {
            opened.AddRange(Task.WhenAll(Enumerable.Range(0, Math.Min(25, OtherCalls - i)).Select(_ => RelayClient.StartAsync(_server, _http))).GetAwaiter().GetResult());
        }
        var seed = 0;
        foreach (var call in opened) _background.Add(TalkAsync(call, new Random(seed++)));
        _call.SayAsync(TraineeLines.MidCall[0]).GetAwaiter().GetResult();
    }

    private async Task TalkAsync(RelayClient call, Random random)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(5_000, 15_000)), _stop.Token);
                if (call.Turns >= TurnsPerCall)
                {
                    await call.DisposeAsync();
                    call = await RelayClient.StartAsync(_server, _http);
                }
                await call.SayAsync(TraineeLines.MidCall[random.Next(TraineeLines.MidCall.Count)]);
            }
        }
        catch (OperationCanceledException)
        {
            // Benchmark over.
        }
        finally
        {
            await call.DisposeAsync();
        }
    }

    [IterationSetup]
    public void NextCallWhenDue()
    {
        if (_call.Turns < TurnsPerCall) return;
        _call.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _call = RelayClient.StartAsync(_server, _http).GetAwaiter().GetResult();
    }

    [Benchmark(Description = "final prompt -> first customer token, offline customer")]
    public Task FirstToken() => _call.SayUntilFirstTokenAsync(TraineeLines.MidCall[_next++ % TraineeLines.MidCall.Count]);

    [IterationCleanup]
    public void RestOfLine() => _call.RestOfLineAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _stop.Cancel();
        Task.WhenAll(_background).Wait(TimeSpan.FromSeconds(60));
        _call.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _http.Dispose();
        _server.Dispose();
        _dir.Dispose();
    }

    internal sealed class RelayConfig : ManualConfig
    {
        public RelayConfig()
        {
            AddJob(Job.Default
                // In-process runs are cut off after 5 minutes by default; setting up 500 calls on a busy machine needs more.
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(15), logOutput: true))
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(10)
                .WithIterationCount(200)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithId("PerTurn"));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.P100);
            AddColumn(new PercentileColumn(99));
        }
    }

    private sealed class PercentileColumn(int percentile) : IColumn
    {
        public string Id => "P" + percentile;
        public string ColumnName => "P" + percentile;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Statistics;
        public int PriorityInCategory => 10;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Time;
        public string Legend => $"{percentile}th percentile of the per-turn times";

        public string GetValue(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) =>
            GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            if (statistics is null) return "NA";
            var nanoseconds = statistics.Percentiles.Percentile(percentile);
            return (nanoseconds / 1_000_000).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " ms";
        }

        public bool IsDefault(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(BenchmarkDotNet.Reports.Summary summary) => true;
    }
}

/// <summary>
/// With a language model configured, against a loopback OpenAI-compatible server that sends its first piece
/// 50 ms after the request: the model's own first-token time (Semantic Kernel's streaming client straight to
/// the server) and the relay's (final prompt to first token on the socket, the same model behind it). The
/// difference is what the service adds: reading the trainee, the mood machine, the prompt, the stores.
/// </summary>
[Config(typeof(RelayFirstTokenBenchmarks.RelayConfig))]
public class RelayModelOverheadBenchmarks
{
    private static readonly string[] Pieces = ["It's QX7R2M, the booking reference. ", "Now", " can", " you", " please", " rebook", " me", " tonight?"];

    private TempDirectory _dir = null!;
    private LoopbackChatServer _model = null!;
    private SimCallerServer _server = null!;
    private HttpClient _http = null!;
    private RelayClient _call = null!;
    private IChatCompletionService _direct = null!;
    private PromptExecutionSettings _settings = null!;
    private int _next;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _dir = new TempDirectory();
        _model = LoopbackChatServer.StartAsync(Pieces).GetAwaiter().GetResult();
        _model.FirstTokenDelay = TimeSpan.FromMilliseconds(50);
        _model.Between = TimeSpan.FromMilliseconds(5);
        var modelSettings = new Dictionary<string, string>
        {
            ["Twilio:Voice:Mode"] = "relay",
            ["Understanding:Model"] = "none",
            ["Model:Provider"] = "openai-compatible",
            ["Model:Endpoint"] = _model.V1,
            ["Model:ModelId"] = "loopback",
        };
        _server = new SimCallerServer(Path.Combine(_dir.Path, "relay-model.db"), modelSettings);
        _http = _server.CreateClient();
        _call = RelayClient.StartAsync(_server, _http).GetAwaiter().GetResult();
        var options = new ModelOptions { Provider = ModelOptions.OpenAICompatible, Endpoint = _model.V1, ModelId = "loopback" };
        _direct = ChatCompletionFactory.Create(options)!;
        _settings = ChatCompletionFactory.ExecutionSettings(options);
    }

    [IterationSetup(Target = nameof(RelayFirstToken))]
    public void NextCallWhenDue()
    {
        if (_call.Turns < 14) return;
        _call.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _call = RelayClient.StartAsync(_server, _http).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "the model alone: request -> first streamed piece")]
    public async Task ModelFirstToken()
    {
        var history = new ChatHistory("You are a customer whose flight was cancelled.");
        history.AddUserMessage(TraineeLines.MidCall[_next++ % TraineeLines.MidCall.Count]);
        await using var pieces = _direct.GetStreamingChatMessageContentsAsync(history, _settings).GetAsyncEnumerator();
        await pieces.MoveNextAsync();
    }

    [Benchmark(Description = "relay with the model: final prompt -> first customer token")]
    public Task RelayFirstToken() => _call.SayUntilFirstTokenAsync(TraineeLines.MidCall[_next++ % TraineeLines.MidCall.Count]);

    [IterationCleanup(Target = nameof(RelayFirstToken))]
    public void RestOfLine() => _call.RestOfLineAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _call.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _http.Dispose();
        _server.Dispose();
        _model.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _dir.Dispose();
    }
}
