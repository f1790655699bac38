namespace SimCaller.Practice;

/// <summary>What a channel asks for when a trainee starts a call.</summary>
/// <param name="Difficulty">A level of the persona; null for the persona's default.</param>
/// <param name="Seed">Fixes the customer's choices (opening line, tangents); null for a random one.</param>
/// <param name="Channel">Where the call happens ("terminal", "phone", "browser"); kept for the history.</param>
/// <param name="Trainee">Who practises, when known (name, phone number, candidate label).</param>
/// <param name="ExternalRef">The channel's own id for the call (e.g. Twilio CallSid), to find the session again.</param>
/// <param name="Code">The session code the call was started from, kept so candidates on one code can be compared.</param>
/// <param name="OrganisationId">The organisation the call belongs to; null for the default organisation (phone numbers, the terminal).</param>
/// <param name="AccountId">The account that started it, when one did: only that account may continue it.</param>
/// <param name="CallTokenHash">SHA-256 of the call token of a call started without an account: only that token may continue it.</param>
public sealed record StartSessionRequest(
    string PersonaId,
    string? Difficulty = null,
    int? Seed = null,
    string Channel = "terminal",
    string? Trainee = null,
    string? ExternalRef = null,
    string? Code = null,
    string? OrganisationId = null,
    string? AccountId = null,
    string? CallTokenHash = null);
