namespace SimCaller.Cli.Terminal;

/// <summary>Where the trainee's lines come from: a script file, or stdin (typed or piped) one line at a time.</summary>
public sealed class TraineeInput
{
    private readonly IReadOnlyList<string>? _script;
    private int _next;

    private TraineeInput(IReadOnlyList<string>? script)
    {
        _script = script;
    }

    /// <summary>True when a person types at a terminal: prompts and menus make sense.</summary>
    public bool IsInteractive => _script is null && !Console.IsInputRedirected;

    public static TraineeInput FromStdin() => new(null);

    /// <exception cref="Hosting.UsageException">The file cannot be read; the message names it.</exception>
    public static async Task<TraineeInput> FromScriptAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            // One line per turn; a trailing newline ends the last line rather than adding a silent turn.
            var lines = text.ReplaceLineEndings("\n").Split('\n');
            return new TraineeInput(text.EndsWith('\n') ? lines[..^1] : lines);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new Hosting.UsageException($"Cannot read script file '{path}': {e.Message}");
        }
    }

    /// <summary>The next line, or null at the end of input (script done, Ctrl-D, pipe closed).</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        if (_script is not null)
        {
            return _next < _script.Count ? _script[_next++] : null;
        }
        // Console reads ignore cancellation once blocked; waiting on a separate read lets Ctrl-C end the call at the prompt.
        return await Task.Run(Console.In.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);
    }
}
