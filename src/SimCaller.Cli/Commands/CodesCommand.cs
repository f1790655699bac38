using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SimCaller.Cli.Hosting;
using SimCaller.Cli.Terminal;
using SimCaller.Practice;

namespace SimCaller.Cli.Commands;

/// <summary>`simcaller codes create|list`: session codes that fix customer, difficulty and seed for a group.</summary>
public static class CodesCommand
{
    public static Command Create(GlobalOptions global) =>
        new("codes", "Session codes: everyone with a code meets the same customer")
        {
            CreateCode(global),
            List(global),
        };

    private static Command CreateCode(GlobalOptions global)
    {
        var persona = new Option<string>("--persona") { Description = "Persona id", Required = true, HelpName = "ID" };
        var difficulty = new Option<string?>("--difficulty") { Description = "Difficulty level (default: the persona's)", HelpName = "LEVEL" };
        var seed = CliOptions.Seed("Seed (default: a random one, fixed in the code)");
        var label = new Option<string?>("--label") { Description = "A note for you, e.g. the role or cohort", HelpName = "TEXT" };
        var command = new Command("create", "Create a session code") { persona, difficulty, seed, label };
        command.SetAction(CliRunner.Action(global, async (parse, services, ct) =>
        {
            var code = await services.Get<PracticeService>().CreateCodeAsync(
                parse.GetValue(persona)!, parse.GetValue(difficulty), parse.GetValue(seed), parse.GetValue(label), ct);
            await Console.Out.WriteLineAsync(code.Code);
            await Console.Error.WriteLineAsync($"{code.PersonaId}, {code.Difficulty}, seed {code.Seed}{(code.Label is null ? "" : $", \"{code.Label}\"")}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(GlobalOptions global)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("list", "List session codes, newest first") { json };
        command.SetAction(CliRunner.Action(global, async (parse, services, ct) =>
        {
            var codes = await services.Get<PracticeService>().ListCodesAsync(ct);
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(codes, CliJson.Indented));
                return ExitCodes.Ok;
            }
            var ui = Ui.For(false);
            if (codes.Count == 0)
            {
                ui.Line("No session codes yet. Create one with: simcaller codes create --persona ID");
                return ExitCodes.Ok;
            }
            ui.Line(ui.Bold($"{"CODE",-8}  {"CREATED (UTC)",-16}  {"PERSONA",-20}  {"DIFFICULTY",-10}  {"SEED",-7}  LABEL"));
            foreach (var c in codes)
            {
                ui.Line($"{c.Code,-8}  {c.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),-16}  {c.PersonaId,-20}  {c.Difficulty,-10}  {c.Seed,-7}  {c.Label}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
