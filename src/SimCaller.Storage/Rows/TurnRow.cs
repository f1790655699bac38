namespace SimCaller.Storage.Rows;

/// <summary>A row of the turns table, column for column.</summary>
public sealed class TurnRow
{
    public string SessionId { get; set; } = "";
    public int Number { get; set; }
    public string At { get; set; } = "";
    public string Speaker { get; set; } = "";
    public string Text { get; set; } = "";
    public int Anger { get; set; }
    public string Mood { get; set; } = "";
    public string Techniques { get; set; } = "[]";
    public int Events { get; set; }
    /// <summary>The mood machine's state after this turn (JSON); null on turns stored before schema version 4.</summary>
    public string? MoodSnapshot { get; set; }
    public double? HoldSeconds { get; set; }
}
