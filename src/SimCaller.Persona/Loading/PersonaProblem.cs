namespace SimCaller.Persona.Loading;

/// <summary>How bad a persona problem is.</summary>
public enum ProblemSeverity
{
    /// <summary>The persona cannot be used as written: it is left out until the file is fixed.</summary>
    Error,
    /// <summary>The persona works, but not as the trainer probably meant (fallback text, a move that backfires).</summary>
    Warning,
}

/// <summary>Something wrong with a persona file, located well enough for a trainer to fix it.</summary>
/// <param name="File">The file as it was given to the loader.</param>
/// <param name="Line">1-based line, when the problem sits at a known place.</param>
/// <param name="Field">Dotted path of the offending key ("weights.empathyy", "opening_lines[2]").</param>
public sealed record PersonaProblem(string File, int? Line, string? Field, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    public bool IsWarning => Severity == ProblemSeverity.Warning;

    /// <summary>
    /// "personas/x.yaml:12: weights.empathyy: unknown technique id ..." (compiler style, so editors can jump
    /// to it); warnings say so after the position: "personas/x.yaml:30: warning: weights.empathy: ...".
    /// </summary>
    public override string ToString()
    {
        var where = Line is { } line ? $"{File}:{line}" : File;
        if (IsWarning)
        {
            where += ": warning";
        }
        return Field is null ? $"{where}: {Message}" : $"{where}: {Field}: {Message}";
    }
}
