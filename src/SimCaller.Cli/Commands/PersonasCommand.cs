using System.CommandLine;
using System.Text.Json;
using SimCaller.Cli.Hosting;
using SimCaller.Cli.Terminal;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Mood;

namespace SimCaller.Cli.Commands;

/// <summary>`simcaller personas list|show|lint|new|graph|try|coverage`.</summary>
public static class PersonasCommand
{
    public static Command Create(GlobalOptions global) =>
        new("personas", "The customers on offer")
        {
            List(global),
            Show(global),
            PersonasLintCommand.Create(global),
            PersonasNewCommand.Create(global),
            Graph(global),
            PersonasTryCommand.Create(global),
            PersonasCoverageCommand.Create(global),
        };

    private static Command List(GlobalOptions global)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("list", "List personas: id, name, difficulties, summary") { json };
        command.SetAction(CliRunner.Action(global, (parse, services, ct) =>
        {
            var personas = services.Get<PersonaCatalog>().All;
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(
                    personas.Select(p => new { p.Id, p.Name, Difficulties = p.DifficultyNames(), p.DefaultDifficulty, p.Summary }),
                    CliJson.Indented));
                return Task.FromResult(ExitCodes.Ok);
            }
            var ui = Ui.For(false);
            if (personas.Count == 0)
            {
                ui.Line($"No personas in {services.Get<PersonaCatalog>().Directory}.");
                return Task.FromResult(ExitCodes.Ok);
            }
            var idWidth = personas.Max(p => p.Id.Length);
            var nameWidth = personas.Max(p => p.Name.Length);
            foreach (var p in personas)
            {
                ui.Line($"{ui.Bold(p.Id.PadRight(idWidth))}  {p.Name.PadRight(nameWidth)}  [{string.Join("/", p.DifficultyNames())}]  {p.Summary}");
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command Show(GlobalOptions global)
    {
        var id = new Argument<string>("ID") { Description = "Persona id" };
        var json = new Option<bool>("--json") { Description = "Print the whole persona as JSON" };
        var command = new Command("show", "Show one persona") { id, json };
        command.SetAction(CliRunner.Action(global, (parse, services, ct) =>
        {
            var persona = Find(services.Get<PersonaCatalog>(), parse.GetValue(id)!);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(persona, CliJson.Indented));
                return Task.FromResult(ExitCodes.Ok);
            }
            var ui = Ui.For(false);
            ui.Line($"{ui.Bold(persona.Name)} ({persona.Id})");
            ui.Line(persona.Summary);
            ui.Line();
            ui.Line($"Company:     {persona.Scenario.Company} — {persona.Scenario.Product}");
            ui.Line($"Problem:     {persona.Scenario.Problem}");
            ui.Line($"Needs:       {persona.Needs.Core}");
            if (!string.IsNullOrWhiteSpace(persona.Needs.Partial))
            {
                ui.Line($"Would take:  {persona.Needs.Partial}");
            }
            ui.Line($"Personality: {persona.Personality}");
            ui.Line($"Starts at:   anger {persona.StartingAnger}{(persona.Behaviours.Abusive ? ", abusive (boundaries apply)" : "")}");
            ui.Line($"Patience:    {persona.Patience.MaxTurns} turns, hangs up after {persona.Patience.FuriousTurns} furious turns or {persona.Patience.SilentTurns} silences");
            ui.Line("Difficulties:");
            foreach (var name in persona.DifficultyNames())
            {
                var description = persona.Difficulties.TryGetValue(name, out var level) ? level.Description : "";
                var marker = string.Equals(name, persona.DefaultDifficulty, StringComparison.OrdinalIgnoreCase) ? " (default)" : "";
                ui.Line($"  {name}{marker}  {description}");
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command Graph(GlobalOptions global)
    {
        var id = new Argument<string>("ID") { Description = "Persona id" };
        var format = new Option<string>("--format")
        {
            Description = "mermaid (default), dot, or svg (a picture, drawn without any other tool)",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "mermaid",
        };
        format.AcceptOnlyFromAmong("mermaid", "dot", "svg");
        var difficulty = new Option<string?>("--difficulty") { Description = "Difficulty level (default: the persona's)", HelpName = "LEVEL" };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout", HelpName = "FILE" };
        var command = new Command("graph", "The persona's mood machine as a diagram: bands, endings, and what moves this customer") { id, format, difficulty, output };
        command.SetAction(CliRunner.Action(global, async (parse, services, ct) =>
        {
            var persona = Find(services.Get<PersonaCatalog>(), parse.GetValue(id)!);
            var level = parse.GetValue(difficulty);
            if (!persona.TryResolveDifficulty(level, out _))
            {
                throw new Practice.UnknownDifficultyException(persona.Id, level ?? "", persona.DifficultyNames());
            }
            var diagram = MoodDiagram.For(persona, level);
            var text = parse.GetValue(format) switch
            {
                "svg" => diagram.ToSvg(),
                "dot" => diagram.ToDot(),
                _ => diagram.ToMermaid(),
            };
            if (parse.GetValue(output) is { } file)
            {
                await CliFiles.WriteAsync(file, text, ct);
            }
            else
            {
                await Console.Out.WriteAsync(text);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static PersonaDefinition Find(PersonaCatalog catalog, string id) =>
        catalog.Find(id) ?? throw new Practice.UnknownPersonaException(id, catalog.Ids);
}
