using SimCaller.Evaluation.Debriefs;

namespace SimCaller.Cli.Terminal;

/// <summary>
/// Where people-facing text goes: stdout normally, stderr when stdout carries JSON. Colours only when
/// the stream is a terminal and NO_COLOR is unset, so pipes and files get plain lines.
/// </summary>
public sealed class Ui
{
    private readonly TextWriter _writer;
    private readonly bool _color;
    private readonly bool _isTerminal;

    public Ui(TextWriter writer, bool isTerminal)
    {
        _writer = writer;
        _isTerminal = isTerminal;
        _color = isTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
    }

    /// <summary>The people-facing stream for a command: stderr when <paramref name="jsonOnStdout"/>.</summary>
    public static Ui For(bool jsonOnStdout) => jsonOnStdout
        ? new Ui(Console.Error, !Console.IsErrorRedirected)
        : new Ui(Console.Out, !Console.IsOutputRedirected);

    public void Line(string text = "") => _writer.WriteLine(text);

    public void Write(string text) => _writer.Write(text);

    public void Flush() => _writer.Flush();

    /// <summary>The debrief laid out for reading: wrapped to the terminal, or unwrapped plain text for pipes and files.</summary>
    public void Debrief(Debrief debrief)
    {
        if (_isTerminal)
        {
            DebriefView.Write(DebriefView.ConsoleFor(_writer, _color, TerminalWidth()), debrief);
        }
        else
        {
            _writer.Write(DebriefView.Render(debrief, color: false));
        }
        _writer.Flush();
    }

    public string Bold(string text) => Paint("1", text);

    public string Dim(string text) => Paint("2", text);

    public string Red(string text) => Paint("31", text);

    public string Yellow(string text) => Paint("33", text);

    public string Green(string text) => Paint("32", text);

    public string Cyan(string text) => Paint("36", text);

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    private string Paint(string code, string text) => _color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
