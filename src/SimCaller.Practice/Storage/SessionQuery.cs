using SimCaller.Core.Calls;

namespace SimCaller.Practice.Storage;

/// <summary>Which sessions to list, newest first; every filter is optional and they combine with AND.</summary>
/// <param name="PersonaId">Played against this persona id.</param>
/// <param name="Difficulty">At this difficulty level.</param>
/// <param name="Code">Started from this session code.</param>
/// <param name="Outcome">Ended this way (<see cref="CallOutcome.InProgress"/> for calls not ended).</param>
/// <param name="Trainee">Played by this trainee (as the channel recorded them: name, phone number).</param>
/// <param name="From">Started at or after this moment.</param>
/// <param name="To">Started before this moment.</param>
/// <param name="MinScore">Debrief score at least this (sessions without a debrief are left out).</param>
/// <param name="MaxScore">Debrief score at most this (sessions without a debrief are left out).</param>
/// <param name="OrganisationId">Belonging to this organisation.</param>
/// <param name="AccountId">Started by this account.</param>
/// <param name="Offset">Sessions to skip (paging).</param>
/// <param name="Limit">Sessions to return at most.</param>
public sealed record SessionQuery(
    string? PersonaId = null,
    string? Difficulty = null,
    string? Code = null,
    CallOutcome? Outcome = null,
    string? Trainee = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    double? MinScore = null,
    double? MaxScore = null,
    int Offset = 0,
    int Limit = 20,
    string? OrganisationId = null,
    string? AccountId = null);

/// <summary>One page of a <see cref="SessionQuery"/>.</summary>
/// <param name="Total">How many sessions match the filters, across all pages.</param>
public sealed record SessionPage<T>(IReadOnlyList<T> Sessions, int Total, int Offset, int Limit);
