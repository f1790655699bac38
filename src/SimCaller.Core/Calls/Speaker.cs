namespace SimCaller.Core.Calls;

/// <summary>Who spoke a turn. JSON ids: "customer", "trainee".</summary>
public enum Speaker
{
    Customer,
    Trainee,
}
