namespace SimCaller.Practice;

/// <summary>What practice needs to know of organisations: every call and code belongs to one.</summary>
public static class Organisations
{
    /// <summary>
    /// The organisation that owns everything made before organisations existed, and calls that come in
    /// with no organisation of their own (the terminal, phone numbers).
    /// </summary>
    public const string DefaultId = "default";
}
