using SimCaller.Practice;

namespace SimCaller.Storage.Rows;

/// <summary>A row of the session_codes table.</summary>
public sealed class SessionCodeRow
{
    public string Code { get; set; } = "";
    public string PersonaId { get; set; } = "";
    public string Difficulty { get; set; } = "";
    public int Seed { get; set; }
    public string? Label { get; set; }
    public string CreatedAt { get; set; } = "";
    public string OrganisationId { get; set; } = Organisations.DefaultId;

    public static SessionCodeRow From(SessionCode code) => new()
    {
        Code = code.Code,
        PersonaId = code.PersonaId,
        Difficulty = code.Difficulty,
        Seed = code.Seed,
        Label = code.Label,
        CreatedAt = RowMapping.FormatTime(code.CreatedAt),
        OrganisationId = code.OrganisationId,
    };

    public SessionCode ToCode() => new(Code, PersonaId, Difficulty, Seed, Label, RowMapping.ParseTime(CreatedAt), OrganisationId);
}
