using System.Globalization;
using SimCaller.Core.Calls;
using SimCaller.Evaluation.Debriefs;
using Spectre.Console;

namespace SimCaller.Cli.Terminal;

/// <summary>
/// The debrief as a person reads it in a terminal: an aligned criteria table, the trainee's quoted lines,
/// colour for good and bad. Written as plain text (no colour, no markup) when the output is a pipe or a file.
/// </summary>
public static class DebriefView
{
    /// <summary>Lines are not wrapped in plain output, so every quote stays whole on one line for grep and diff.</summary>
    public const int PlainWidth = 1000;

    /// <summary>A console over <paramref name="writer"/>; <paramref name="color"/> false gives plain text only.</summary>
    /// <param name="width">Where lines wrap; the terminal's width when it is one.</param>
    public static IAnsiConsole ConsoleFor(TextWriter writer, bool color, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        // The anger meter already draws with block characters; without this Spectre falls back to ASCII borders.
        console.Profile.Capabilities.Unicode = true;
        return console;
    }

    public static void Write(IAnsiConsole console, Debrief debrief)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(debrief);
        var color = console.Profile.Capabilities.Ansi;

        WriteLine(console, ($"Debrief: {Clean(debrief.PersonaName)} ({Clean(debrief.Difficulty)})", Bold));
        WriteLine(
            console,
            ($"Score {debrief.Score}/100", Bold.Combine(ScoreStyle(debrief.Score))),
            ("   Outcome: ", Plain),
            (OutcomeText(debrief.Outcome), Bold.Combine(OutcomeStyle(debrief.Outcome))));
        WriteLine(console, ($"Session {debrief.SessionId}, persona {debrief.PersonaId}, seed {debrief.Seed}, rubric {debrief.RubricId}", Dim));

        Heading(console, "Criteria");
        var table = new Table
        {
            // Plain output keeps only the header rule: aligned columns that read well in a file.
            Border = color ? TableBorder.Rounded : TableBorder.Simple,
            BorderStyle = Dim,
        };
        table.AddColumn(new TableColumn(new Text("Criterion", Bold)));
        table.AddColumn(new TableColumn(new Text("Weight", Bold)).RightAligned());
        table.AddColumn(new TableColumn(new Text("Score", Bold)).RightAligned());
        table.AddColumn(new TableColumn(new Text("Summary", Bold)));
        foreach (var c in debrief.Criteria)
        {
            table.AddRow(
                new Text(Clean(c.Name)),
                new Text(c.Weight.ToString("0.#", CultureInfo.InvariantCulture)),
                new Text(c.Score.ToString(CultureInfo.InvariantCulture), ScoreStyle(c.Score)),
                new Text(Clean(c.Summary)));
        }
        console.Write(table);

        var withEvidence = debrief.Criteria.Where(c => c.Evidence.Count > 0).ToArray();
        if (withEvidence.Length > 0)
        {
            Heading(console, "What you said");
            foreach (var c in withEvidence)
            {
                WriteLine(console, (Clean(c.Name), Bold));
                var quotes = Hanging();
                foreach (var e in c.Evidence)
                {
                    quotes.AddRow(
                        Para((e.Positive ? "+ " : "- ", e.Positive ? Good : Bad), ($"turn {e.TurnNumber} ({Clock(e.Seconds)}), {Clean(e.Technique)}:", Dim)),
                        Para((Quoted(e.Quote), Plain)));
                }
                console.Write(quotes);
            }
        }

        Heading(console, "Key moments");
        if (debrief.KeyMoments.Count == 0)
        {
            WriteLine(console, ("  The customer's anger did not move.", Plain));
        }
        var moments = Hanging();
        foreach (var k in debrief.KeyMoments)
        {
            var quote = string.IsNullOrWhiteSpace(k.Quote) ? "" : $": {Quoted(k.Quote)}";
            moments.AddRow(
                Para(($"Turn {k.TurnNumber} ({Clock(k.Seconds)})", Dim)),
                Para(($"anger {(k.Delta > 0 ? "+" : "")}{k.Delta}", k.Delta > 0 ? Bad : Good), ($" ({k.AngerBefore} -> {k.AngerAfter}) after {Clean(k.Move)}{quote}", Plain)));
        }
        if (debrief.KeyMoments.Count > 0)
        {
            console.Write(moments);
        }

        Heading(console, "Suggestions");
        if (debrief.Suggestions.Count == 0)
        {
            WriteLine(console, ("  Nothing to add.", Plain));
        }
        var suggestions = Hanging();
        var n = 1;
        foreach (var s in debrief.Suggestions)
        {
            suggestions.AddRow(Para(($"{n++}.", Bold)), Para((Clean(s.Advice), Plain)));
            suggestions.AddRow(Para(("", Plain)), Para(("Try: ", Dim), (Clean(s.BetterPhrasing), Good)));
        }
        if (debrief.Suggestions.Count > 0)
        {
            console.Write(suggestions);
        }

        Heading(console, "Stats");
        var st = debrief.Stats;
        var grid = new Grid().AddColumn(new GridColumn().PadLeft(2).PadRight(2)).AddColumn();
        void Stat(string label, string value) => grid.AddRow(new Text(label, Dim), new Text(value));
        Stat("Turns", $"{st.Turns} ({st.TraineeTurns} yours)");
        Stat("Your share of the talking", $"{Math.Round(st.TraineeTalkShare * 100).ToString(CultureInfo.InvariantCulture)}%");
        Stat("First empathy", st.SecondsToFirstEmpathy is { } first ? Clock(first) : "never");
        Stat("Cliches / harmful moves", $"{st.ClicheCount} / {st.HarmfulMoveCount}");
        Stat("Anger", $"{st.StartingAnger} at the start, peak {st.PeakAnger}, {st.FinalAnger} at the end");
        Stat("Duration", Clock(st.DurationSeconds));
        console.Write(grid);
    }

    /// <summary>The whole debrief as one string, as <see cref="Write"/> prints it.</summary>
    public static string Render(Debrief debrief, bool color, int width = PlainWidth)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(ConsoleFor(writer, color, width), debrief);
        // Table cells are padded to the column width; in plain text that is only trailing blanks.
        return color
            ? writer.ToString()
            : string.Join('\n', writer.ToString().ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()));
    }

    private static readonly Style Plain = Style.Plain;
    private static readonly Style Bold = new(decoration: Decoration.Bold);
    private static readonly Style Dim = new(decoration: Decoration.Dim);
    private static readonly Style Good = new(Color.Green);
    private static readonly Style Bad = new(Color.Red);

    private static Style ScoreStyle(int score) => score switch
    {
        >= 75 => Good,
        >= 50 => new Style(Color.Yellow),
        _ => Bad,
    };

    private static Style OutcomeStyle(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Resolved or CallOutcome.EndedByAgent => Good,
        CallOutcome.Escalated or CallOutcome.InProgress => new Style(Color.Yellow),
        _ => Bad,
    };

    private static string OutcomeText(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Resolved => "resolved",
        CallOutcome.HungUp => "the customer hung up",
        CallOutcome.Escalated => "escalated to a supervisor",
        CallOutcome.EndedByAgent => "ended by you after a warning",
        CallOutcome.TimeLimit => "ran out of time",
        CallOutcome.Abandoned => "abandoned",
        CallOutcome.InProgress => "still in progress",
        _ => outcome.ToId(),
    };

    private static void Heading(IAnsiConsole console, string title)
    {
        console.WriteLine();
        WriteLine(console, (title, Bold.Combine(new Style(Color.Cyan1))));
    }

    private static void WriteLine(IAnsiConsole console, params (string Text, Style Style)[] parts)
    {
        console.Write(Para(parts));
        console.WriteLine();
    }

    private static Paragraph Para(params (string Text, Style Style)[] parts)
    {
        // Text objects, never markup: a trainee's "[sorry]" or ":)" is shown exactly as said.
        var paragraph = new Paragraph();
        foreach (var (text, style) in parts)
        {
            paragraph.Append(text, style);
        }
        return paragraph;
    }

    /// <summary>Two columns, the second wrapping under itself, so a long quote stays clear of the margin.</summary>
    private static Grid Hanging() =>
        new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(2).PadRight(1)).AddColumn(new GridColumn().PadLeft(0));

    private static string Quoted(string? quote) => $"\"{Clean(quote)}\"";

    /// <summary>One line of visible text: no line breaks, and no control characters that could drive the terminal.</summary>
    private static string Clean(string? text) =>
        string.Concat((text ?? "").Select(c => char.IsControl(c) ? ' ' : c)).Trim();

    private static string Clock(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return span.TotalHours >= 1
            ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }
}
