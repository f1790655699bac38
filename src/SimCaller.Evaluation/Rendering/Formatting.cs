using System.Globalization;
using SimCaller.Core.Calls;

namespace SimCaller.Evaluation.Rendering;

/// <summary>Small display helpers shared by the Markdown and HTML renderers.</summary>
internal static class Formatting
{
    public static string Clock(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return span.TotalHours >= 1
            ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }

    public static string Outcome(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Resolved => "Resolved",
        CallOutcome.HungUp => "Customer hung up",
        CallOutcome.Escalated => "Escalated to a supervisor",
        CallOutcome.EndedByAgent => "Ended by the agent",
        CallOutcome.TimeLimit => "Ran out of time",
        CallOutcome.Abandoned => "Abandoned",
        CallOutcome.InProgress => "Still in progress",
        _ => outcome.ToId(),
    };

    public static string Delta(int delta) => delta > 0 ? $"+{delta}" : delta.ToString(CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
