namespace SimCaller.Api.Tests.Infrastructure;

internal static class Scripts
{
    /// <summary>Says the script's lines in order, starting over when it runs out, until the call ends
    /// or <paramref name="maxTurns"/> turns have been taken. Returns the number of turns taken.</summary>
    public static async Task<int> PlayAsync(this TwilioCallSimulator call, IReadOnlyList<string?> script, int maxTurns = 30)
    {
        var turns = 0;
        while (!call.IsOver && turns < maxTurns)
        {
            await call.SayAsync(script[turns % script.Count]);
            turns++;
        }
        return turns;
    }
}
