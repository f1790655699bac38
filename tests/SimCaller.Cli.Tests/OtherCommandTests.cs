using SimCaller.Testing;
using System.Text.Json;
using SimCaller.Evaluation.Analysis;

namespace SimCaller.Cli.Tests;

public class OtherCommandTests : IDisposable
{
    private readonly CliFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Analyze_labels_each_line_as_the_library_does()
    {
        string[] utterances =
        [
            "I'm so sorry the engineer didn't turn up on Monday",
            "calm down its just a fridge",
            "so the gym kept billing you after you cancelled in march?",
            "let me check",
        ];
        var input = string.Join('\n', utterances.Take(3)) + "\n\n" + JsonSerializer.Serialize(new { text = utterances[3] }) + "\n";

        var run = await _folder.RunWithInputAsync(input, "analyze");

        Assert.Equal(0, run.ExitCode);
        var lines = SimCallerProcess.Lines(run.Stdout).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(utterances.Length, lines.Length);
        // The same analyser the live call uses by default (rules + sentence model + classifier): one analyser.
        var model = new SimCaller.Understanding.MiniLmEmbedder();
        var library = LocalTurnAnalyzer.Create(new RuleBasedAnalyzer(), model, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        for (var i = 0; i < utterances.Length; i++)
        {
            var expected = (await library.AnalyzeAsync(utterances[i])).Techniques.Select(Core.Techniques.TechniqueIds.ToId);
            Assert.Equal(utterances[i], lines[i].GetProperty("text").GetString());
            Assert.Equal(expected, lines[i].GetProperty("techniques").EnumerateArray().Select(t => t.GetString()!));
        }
        Assert.Contains("dismissive", lines[1].GetProperty("techniques").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Analyze_names_a_bad_json_line_and_carries_on()
    {
        var run = await _folder.RunWithInputAsync("{\"txt\": \"hi\"}\nthanks for waiting\n", "analyze");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 1", run.Stderr);
        Assert.Single(SimCallerProcess.Lines(run.Stdout));
    }

    [Fact]
    public async Task Lint_reports_a_broken_persona_file_with_its_place_and_exits_1()
    {
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "personas", "stressed-traveler.yaml"));
        var broken = _folder.File("broken.yaml", shipped.Replace("  empathy: -8", "  empathyy: -8"));

        var run = await _folder.RunAsync("personas", "lint", broken);

        Assert.Equal(1, run.ExitCode);
        var problem = Assert.Single(SimCallerProcess.Lines(run.Stdout), l => l.Contains("empathyy"));
        Assert.StartsWith($"{broken}:", problem);
        Assert.Contains("weights", problem);
    }

    [Fact]
    public async Task Lint_passes_the_shipped_personas()
    {
        var run = await _folder.RunAsync("personas", "lint", "--personas", Path.Combine(RepositoryRoot(), "personas"));

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+ personas? OK", run.Stdout.Trim());
    }

    [Fact]
    public async Task Personas_list_and_show_describe_the_customers()
    {
        var list = await _folder.RunAsync("personas", "list", "--json");
        var show = await _folder.RunAsync("personas", "show", "stressed-traveler");

        Assert.Equal(0, list.ExitCode);
        var ids = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToArray();
        Assert.Contains("stressed-traveler", ids);
        Assert.Contains("abusive-caller", ids);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Dana Whitfield", show.Stdout);
        Assert.Contains("hard", show.Stdout);
    }

    [Fact]
    public async Task Graph_prints_the_mood_machine_as_mermaid_or_dot()
    {
        var mermaid = await _folder.RunAsync("personas", "graph", "stressed-traveler");
        var dot = await _folder.RunAsync("personas", "graph", "stressed-traveler", "--format", "dot");

        Assert.Equal(0, mermaid.ExitCode);
        Assert.StartsWith("stateDiagram", mermaid.Stdout.TrimStart());
        Assert.Contains("furious", mermaid.Stdout);
        Assert.Equal(0, dot.ExitCode);
        Assert.StartsWith("digraph", dot.Stdout.TrimStart());
    }

    [Fact]
    public async Task Graph_as_svg_is_a_picture_written_to_stdout_or_a_file()
    {
        var stdout = await _folder.RunAsync("personas", "graph", "abusive-caller", "--format", "svg", "--difficulty", "hard");
        var file = Path.Combine(_folder.Path, "mood.svg");
        var written = await _folder.RunAsync("personas", "graph", "abusive-caller", "--format", "svg", "--difficulty", "hard", "--out", file);

        Assert.Equal(0, stdout.ExitCode);
        var svg = System.Xml.Linq.XDocument.Parse(stdout.Stdout);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains("Rick Dawson", svg.Root.Value);
        Assert.Equal(0, written.ExitCode);
        Assert.Equal("", written.Stdout);
        Assert.Contains(file, written.Stderr);
        Assert.Equal(stdout.Stdout, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Graph_with_an_unknown_format_or_difficulty_exits_2()
    {
        var format = await _folder.RunAsync("personas", "graph", "abusive-caller", "--format", "png");
        var difficulty = await _folder.RunAsync("personas", "graph", "abusive-caller", "--difficulty", "nightmare");

        Assert.Equal(2, format.ExitCode);
        Assert.Contains("png", format.Stderr);
        Assert.Equal(2, difficulty.ExitCode);
        Assert.Contains("nightmare", difficulty.Stderr);
        Assert.Equal("", difficulty.Stdout);
    }

    [SkippableTheory]
    [InlineData("abusive-caller")]
    [InlineData("stressed-traveler")]
    public async Task Graph_in_dot_renders_with_graphviz(string personaId)
    {
        // "Renders" is the promise to trainers: Graphviz must accept the diagram as it is printed.
        var Dot = Requires.Program("/usr/bin/dot", "graphviz");
        var graph = await _folder.RunAsync("personas", "graph", personaId, "--format", "dot");
        Assert.Equal(0, graph.ExitCode);

        var render = new System.Diagnostics.ProcessStartInfo(Dot, "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(render)!;
        var svgTask = process.StandardOutput.ReadToEndAsync();
        var errorTask = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(graph.Stdout);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await errorTask);
        // Graphviz warns on stderr about anything it had to guess; a clean diagram gives none.
        Assert.Equal("", (await errorTask).Trim());
        var svg = await svgTask;
        Assert.Contains("<svg", svg);
        Assert.Contains("furious", svg);
        Assert.Contains("ended by agent", svg);
        Assert.Contains("during the call", svg);
    }

    [Fact]
    public async Task Finished_calls_are_listed_and_their_debrief_opens_as_html()
    {
        var script = _folder.File("call.txt", "I'm so sorry, that's a horrible night you're having.\n");
        var practice = await _folder.RunAsync("practice", "--persona", "stressed-traveler", "--seed", "4", "--script", script, "--json", "--db", _folder.Database);
        var sessionId = JsonDocument.Parse(practice.Stdout).RootElement.GetProperty("session_id").GetString()!;

        var list = await _folder.RunAsync("sessions", "list", "--db", _folder.Database);
        var html = Path.Combine(_folder.Path, "debrief.html");
        var debrief = await _folder.RunAsync("debrief", sessionId, "--format", "html", "--out", html, "--db", _folder.Database);
        var missing = await _folder.RunAsync("debrief", "no-such-session", "--db", _folder.Database);

        Assert.Equal(0, list.ExitCode);
        Assert.Contains(sessionId, list.Stdout);
        Assert.Contains("abandoned", list.Stdout);
        Assert.Equal(0, debrief.ExitCode);
        Assert.Contains("<html", await File.ReadAllTextAsync(html), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no-such-session", missing.Stderr);
    }

    [Fact]
    public async Task Session_codes_are_created_and_listed()
    {
        var created = await _folder.RunAsync("codes", "create", "--persona", "abusive-caller", "--difficulty", "hard", "--seed", "12", "--label", "cohort A", "--db", _folder.Database);
        var list = await _folder.RunAsync("codes", "list", "--db", _folder.Database);

        Assert.Equal(0, created.ExitCode);
        var code = created.Stdout.Trim();
        Assert.Matches("^[0-9]{8}$", code);
        Assert.Equal(0, list.ExitCode);
        var row = Assert.Single(SimCallerProcess.Lines(list.Stdout), l => l.StartsWith(code, StringComparison.Ordinal));
        Assert.Contains("abusive-caller", row);
        Assert.Contains("cohort A", row);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SimCaller.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("The repository root (SimCaller.sln) is not above the test folder.");
    }
}
