using System.Text;
using Dapper;
using SimCaller.Core.Calls;
using SimCaller.Practice.Storage;

namespace SimCaller.Storage.Rows;

/// <summary>The WHERE clause of a <see cref="SessionQuery"/>, over <see cref="SessionSql.SelectListed"/>'s aliases; values only as parameters.</summary>
internal static class SessionFilter
{
    public static (string Where, DynamicParameters Parameters) Build(SessionQuery query)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            parameters.Add(name, value);
        }
        if (Text(query.OrganisationId) is { } organisation) Add("s.organisation_id = @OrganisationId", "OrganisationId", organisation);
        if (Text(query.AccountId) is { } account) Add("s.account_id = @AccountId", "AccountId", account);
        if (Text(query.PersonaId) is { } persona) Add("s.persona_id = @PersonaId", "PersonaId", persona);
        if (Text(query.Difficulty) is { } difficulty) Add("s.difficulty = @Difficulty", "Difficulty", difficulty);
        if (Text(query.Code) is { } code) Add("s.code = @Code", "Code", code);
        if (query.Outcome is { } outcome) Add("s.outcome = @Outcome", "Outcome", outcome.ToId());
        if (Text(query.Trainee) is { } trainee) Add("s.trainee = @Trainee", "Trainee", trainee);
        // Times are stored as fixed-width UTC ISO text, which sorts in time order.
        if (query.From is { } from) Add("s.started_at >= @From", "From", RowMapping.FormatTime(from));
        if (query.To is { } to) Add("s.started_at < @To", "To", RowMapping.FormatTime(to));
        if (query.MinScore is { } min) Add("d.score >= @MinScore", "MinScore", min);
        if (query.MaxScore is { } max) Add("d.score <= @MaxScore", "MaxScore", max);
        var where = new StringBuilder();
        for (var i = 0; i < conditions.Count; i++)
        {
            where.Append(i == 0 ? " WHERE " : " AND ").Append(conditions[i]);
        }
        return (where.ToString(), parameters);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
