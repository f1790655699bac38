namespace SimCaller.Practice;

/// <summary>
/// A code that fixes the customer, difficulty and seed, so every candidate or class member meets the
/// same call. Digits only, so a caller can key it in on a phone. Calls started from it belong to its organisation.
/// </summary>
public sealed record SessionCode(
    string Code,
    string PersonaId,
    string Difficulty,
    int Seed,
    string? Label,
    DateTimeOffset CreatedAt,
    string OrganisationId = Organisations.DefaultId);
