using System.CommandLine;
using System.Text;
using SimCaller.Cli.Hosting;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Practice;
using SimCaller.Practice.Replay;

namespace SimCaller.Cli.Commands;

/// <summary>`simcaller replay SESSION_ID --turn N --say TEXT`: how the call would have gone with one line said differently.</summary>
public static class ReplayCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = new Argument<string>("SESSION_ID") { Description = "The session (see `simcaller sessions list`)" };
        var turn = new Option<int>("--turn") { Description = "The trainee turn to say differently (1 = your first line)", Required = true, HelpName = "N" };
        var say = new Option<string>("--say") { Description = "What to say instead", Required = true, HelpName = "TEXT" };
        var stop = new Option<bool>("--stop") { Description = "Stop after the new line instead of replaying your remaining original lines" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout" };
        var command = new Command("replay", "Replay a call from one of your turns with a different line, and compare") { id, turn, say, stop, json };
        command.SetAction(CliRunner.Action(global, async (parse, services, ct) =>
        {
            var replayer = services.Get<CallReplayer>();
            ReplayResult result;
            try
            {
                result = await replayer.ReplayAsync(parse.GetValue(id)!.Trim(), parse.GetValue(turn), parse.GetValue(say)!, parse.GetValue(stop), ct);
            }
            catch (ReplayTurnException e)
            {
                throw new UsageException(e.Message);
            }
            await Console.Out.WriteLineAsync(parse.GetValue(json)
                ? ReplayJson.ToNode(result).ToJsonString(CliJson.Indented)
                : Describe(result));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Both runs side by side: anger per turn, outcome, score, then what the customer would have said.</summary>
    internal static string Describe(ReplayResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"Replay of session {result.SessionId} from your turn {result.Turn}");
        text.AppendLine($"  instead, you say: \"{result.Said}\"");
        text.AppendLine();
        text.AppendLine("  turn   anger then   anger in the replay");
        var turns = Math.Max(result.Original.Anger.Count, result.Replay.Anger.Count);
        for (var i = 0; i < turns; i++)
        {
            var then = i < result.Original.Anger.Count ? result.Original.Anger[i].ToString() : "-";
            var now = i < result.Replay.Anger.Count ? result.Replay.Anger[i].ToString() : "-";
            var mark = i + 1 == result.Turn ? "   <- your new line" : "";
            text.AppendLine($"  {i + 1,4}   {then,10}   {now,19}{mark}");
        }
        text.AppendLine();
        text.AppendLine($"  then:   {result.Original.Describe()}, score {result.Original.Score}");
        text.AppendLine($"  replay: {result.Replay.Describe()}, score {result.Replay.Score}");
        text.AppendLine($"  {result.Summary()}.");
        if (result.Replay.Turns is { Count: > 0 } lines)
        {
            text.AppendLine();
            text.AppendLine("How the replay goes:");
            foreach (var line in lines)
            {
                var who = line.Speaker == Speaker.Trainee ? "You" : "Customer";
                var heard = line.Speaker == Speaker.Trainee && line.Techniques.Count > 0
                    ? $"  [{string.Join(", ", line.Techniques.Select(t => t.ToId()))}]"
                    : "";
                var words = line.Text.Length == 0 ? "(silence)" : line.Text;
                text.AppendLine($"  {who,-8} ({line.Anger,3}) {words}{heard}");
            }
        }
        return text.ToString().TrimEnd();
    }
}
