namespace SimCaller.Api;

/// <summary>CSV exports (sessions, campaign comparisons).</summary>
internal static class Csv
{
    /// <summary>A CSV field: quoted when needed; text a spreadsheet would run as a formula gets an apostrophe, since names come from users.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
