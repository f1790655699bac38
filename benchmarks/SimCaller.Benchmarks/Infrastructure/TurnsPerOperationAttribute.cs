namespace SimCaller.Benchmarks.Infrastructure;

/// <summary>How many practice turns one benchmark operation takes; <see cref="PerTurnColumn"/> divides by it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TurnsPerOperationAttribute(int turns) : Attribute
{
    public int Turns { get; } = turns;
}
