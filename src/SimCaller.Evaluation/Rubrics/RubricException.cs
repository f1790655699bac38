namespace SimCaller.Evaluation.Rubrics;

/// <summary>A rubric file could not be used; <see cref="Problems"/> says where and why.</summary>
public sealed class RubricException(IReadOnlyList<RubricProblem> problems)
    : Exception("Rubric is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<RubricProblem> Problems { get; } = problems;
}
