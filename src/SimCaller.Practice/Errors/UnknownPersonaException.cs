namespace SimCaller.Practice;

/// <summary>No persona has the requested id.</summary>
public sealed class UnknownPersonaException : PracticeException
{
    public UnknownPersonaException(string personaId, IReadOnlyList<string> knownIds)
        : base(knownIds.Count == 0
            ? $"Unknown persona '{personaId}': no personas are loaded."
            : $"Unknown persona '{personaId}'. Known personas: {string.Join(", ", knownIds)}.")
    {
        PersonaId = personaId;
        KnownIds = knownIds;
    }

    public string PersonaId { get; }

    public IReadOnlyList<string> KnownIds { get; }
}
