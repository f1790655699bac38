using SimCaller.Practice.Storage;

namespace SimCaller.Storage.Rows;

/// <summary>A row of the debriefs table.</summary>
public sealed class DebriefRow
{
    public string SessionId { get; set; } = "";
    public string Token { get; set; } = "";
    public string CreatedAt { get; set; } = "";
    public double Score { get; set; }
    public string Json { get; set; } = "";

    public static DebriefRow From(DebriefRecord debrief) => new()
    {
        SessionId = debrief.SessionId,
        Token = debrief.Token,
        CreatedAt = RowMapping.FormatTime(debrief.CreatedAt),
        Score = debrief.Score,
        Json = debrief.Json,
    };

    public DebriefRecord ToRecord() => new(SessionId, Token, RowMapping.ParseTime(CreatedAt), Score, Json);
}
