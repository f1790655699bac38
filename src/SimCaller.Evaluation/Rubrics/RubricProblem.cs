namespace SimCaller.Evaluation.Rubrics;

/// <summary>One thing wrong with a rubric file, pointing at the line and field.</summary>
/// <param name="Line">1-based line in the file; 0 when the problem is the file as a whole.</param>
/// <param name="Field">Path of the offending field, e.g. "criteria[2].weight".</param>
public sealed record RubricProblem(string File, int Line, string Field, string Message)
{
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}: {Field}: {Message}" : $"{File}: {Field}: {Message}";
}
