namespace SimCaller.Persona.Loading;

/// <summary>Something wrong with a persona file, located well enough for a trainer to fix it.</summary>
/// <param name="File">The file as it was given to the loader.</param>
/// <param name="Line">1-based line, when the problem sits at a known place.</param>
/// <param name="Field">Dotted path of the offending key ("weights.empathyy", "opening_lines[2]").</param>
public sealed record PersonaProblem(string File, int? Line, string? Field, string Message)
{
    /// <summary>"personas/x.yaml:12: weights.empathyy: unknown technique id ..." (compiler style, so editors can jump to it).</summary>
    public override string ToString()
    {
        var where = Line is { } line ? $"{File}:{line}" : File;
        return Field is null ? $"{where}: {Message}" : $"{where}: {Field}: {Message}";
    }
}
