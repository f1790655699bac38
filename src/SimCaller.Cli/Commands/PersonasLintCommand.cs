using System.CommandLine;
using SimCaller.Cli.Hosting;
using SimCaller.Evaluation.Rubrics;
using SimCaller.Persona.Loading;

namespace SimCaller.Cli.Commands;

/// <summary>
/// `simcaller personas lint [FILE...] [--strict]`: every error and warning of the persona files, one per
/// line as FILE:LINE: [warning:] FIELD: MESSAGE. Errors fail (exit 1); warnings fail only with --strict.
/// </summary>
public static class PersonasLintCommand
{
    public static Command Create(GlobalOptions global)
    {
        var files = new Argument<string[]>("FILE") { Description = "Persona files (default: every file in the personas folder)", Arity = ArgumentArity.ZeroOrMore };
        var strict = new Option<bool>("--strict") { Description = "Fail (exit 1) on warnings too" };
        var command = new Command("lint", "Check persona files: errors exit 1, warnings print (and exit 1 with --strict)") { files, strict };
        command.SetAction(CliRunner.Action(global, (parse, services, ct) =>
        {
            // The rubric the calls are scored with, so rubric toggles and coaching keys are checked against its criteria.
            var rubric = services.Get<Rubric>();
            var options = new PersonaCheckOptions(rubric.Criteria.Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
            var given = parse.GetValue(files) ?? [];
            var results = given.Length > 0
                ? given.Select(file => PersonaLoader.LoadFile(file, options)).ToArray()
                : [PersonaLoader.LoadDirectory(PersonaLocator.ResolveDirectory(services.Configuration["Personas:Path"]), options)];
            var errors = results.Sum(r => r.Problems.Count);
            var warnings = results.Sum(r => r.Warnings.Count);
            foreach (var problem in results.SelectMany(r => r.Everything))
            {
                Console.Out.WriteLine(problem.ToString());
            }
            var failed = errors > 0 || (warnings > 0 && parse.GetValue(strict));
            if (errors + warnings > 0)
            {
                Console.Error.WriteLine($"{Count(errors, "error")}, {Count(warnings, "warning")}" +
                    (failed || warnings == 0 ? "." : " (warnings do not fail lint; --strict makes them fail)."));
            }
            if (failed)
            {
                return Task.FromResult(ExitCodes.Failure);
            }
            var count = results.Sum(r => r.Personas.Count);
            Console.Out.WriteLine($"{Count(count, "persona")} OK");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}
