using SimCaller.Persona.Mood;

namespace SimCaller.Cli.Terminal;

/// <summary>The live anger meter shown after each customer line.</summary>
public static class AngerMeter
{
    private const int Width = 20;

    /// <param name="reasons">Why the anger moved this turn ("empathy -8"); shown so the trainee learns what worked.</param>
    public static string Render(Ui ui, int anger, MoodState mood, IReadOnlyList<string>? reasons = null)
    {
        var clamped = Math.Clamp(anger, 0, 100);
        var filled = (int)Math.Round(clamped / 100.0 * Width);
        var bar = new string('█', filled) + new string('░', Width - filled);
        var painted = clamped switch
        {
            < 40 => ui.Green(bar),
            < 70 => ui.Yellow(bar),
            _ => ui.Red(bar),
        };
        var why = reasons is { Count: > 0 } ? ui.Dim($"  ({string.Join(", ", reasons)})") : "";
        return $"  anger {painted} {clamped,3} {mood.ToId()}{why}";
    }
}
