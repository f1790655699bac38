using System.CommandLine;
using SimCaller.Cli.Hosting;
using SimCaller.Cli.Terminal;
using SimCaller.Core.Calls;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Practice;

namespace SimCaller.Cli.Commands;

/// <summary>`simcaller practice`: a call in the terminal, the debrief at the end.</summary>
public static class PracticeCommand
{
    public const string DefaultPersona = "stressed-traveler";

    private const string Help = """
        Type your replies and press Enter; an empty line is silence.
          /hold      put the customer on hold; your next line takes them off it (a short hold is fine, a long one is not)
          /transfer  put the customer through to a supervisor
          /hangup    end the call yourself
          /quit      leave the call (saved as abandoned)
          /help      this list
        """;

    public static Command Create(GlobalOptions global)
    {
        var persona = new Option<string?>("--persona") { Description = "Persona id (default: a menu, or stressed-traveler when input is not a terminal)", HelpName = "ID" };
        var difficulty = new Option<string?>("--difficulty") { Description = "Difficulty level (default: the persona's)", HelpName = "LEVEL" };
        var seed = CliOptions.Seed("Seed for a reproducible customer");
        var script = new Option<string?>("--script") { Description = "Read your lines from a file, one per line (blank line = silence)", HelpName = "FILE" };
        var code = new Option<string?>("--code") { Description = "A session code you were given: it fixes the customer, difficulty and seed", HelpName = "CODE" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout at the end; everything else goes to stderr" };
        var command = new Command("practice", "Hold a practice call in the terminal") { persona, difficulty, seed, code, script, json };
        command.SetAction(CliRunner.Action(global, async (parse, services, ct) =>
        {
            var asJson = parse.GetValue(json);
            var practice = services.Get<PracticeService>();
            // Checked before the script is read or a call starts, so a bad code changes nothing.
            var request = parse.GetValue(code) is { } typed
                ? await FromCodeAsync(practice, typed, parse, persona, difficulty, seed, ct)
                : null;
            var input = parse.GetValue(script) is { } file ? await TraineeInput.FromScriptAsync(file, ct) : TraineeInput.FromStdin();
            var ui = Ui.For(asJson);
            request ??= new StartSessionRequest(
                parse.GetValue(persona) ?? ChoosePersona(ui, input, services.Get<PersonaCatalog>()), parse.GetValue(difficulty), parse.GetValue(seed));
            var call = new TerminalCall(practice, ui, input, services.Get<TimeProvider>());
            var ended = await call.RunAsync(request, ct);

            if (asJson)
            {
                var transcript = await practice.GetTranscriptAsync(ended.SessionId, CancellationToken.None);
                await Console.Out.WriteLineAsync(PracticeReport.ToJson(transcript, ended, request.Code));
            }
            else
            {
                ui.Line();
                ui.Debrief(ended.Debrief);
            }
            ui.Line(ui.Dim($"Session {ended.SessionId} ({ended.Outcome.ToId()}). Reopen the debrief with: simcaller debrief {ended.SessionId} --format html --out debrief.html"));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The call a session code stands for; the code alone decides persona, difficulty and seed.</summary>
    private static async Task<StartSessionRequest> FromCodeAsync(
        PracticeService practice, string typed, ParseResult parse, Option<string?> persona, Option<string?> difficulty, Option<int?> seed, CancellationToken ct)
    {
        var clashing = new Option[] { persona, difficulty, seed }.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToArray();
        if (clashing.Length > 0)
        {
            throw new UsageException(
                $"--code already fixes the persona, difficulty and seed; leave out {string.Join(" and ", clashing)}, or drop --code to choose them yourself.");
        }
        var found = await practice.FindCodeAsync(typed, ct)
            ?? throw new UsageException($"Unknown session code '{typed.Trim()}'. Check the code you were given (trainers: `simcaller codes list` shows the valid ones).");
        return new StartSessionRequest(found.PersonaId, found.Difficulty, found.Seed, Code: found.Code);
    }

    private static string ChoosePersona(Ui ui, TraineeInput input, PersonaCatalog catalog)
    {
        var personas = catalog.All;
        if (!input.IsInteractive || personas.Count == 0)
        {
            return DefaultPersona;
        }
        ui.Line(ui.Bold("Who is calling?"));
        for (var i = 0; i < personas.Count; i++)
        {
            ui.Line($"  {i + 1}) {personas[i].Name} — {personas[i].Summary} {ui.Dim($"[{string.Join("/", personas[i].DifficultyNames())}]")}");
        }
        while (true)
        {
            ui.Write("Pick a number [1]: ");
            ui.Flush();
            var answer = Console.ReadLine();
            if (string.IsNullOrWhiteSpace(answer))
            {
                return personas[0].Id;
            }
            if (int.TryParse(answer.Trim(), out var n) && n >= 1 && n <= personas.Count)
            {
                return personas[n - 1].Id;
            }
            var byId = personas.FirstOrDefault(p => string.Equals(p.Id, answer.Trim(), StringComparison.OrdinalIgnoreCase));
            if (byId is not null)
            {
                return byId.Id;
            }
            ui.Line($"Type a number from 1 to {personas.Count}.");
        }
    }

    /// <summary>One call's loop: show the customer, read the trainee, until the call ends or input does.</summary>
    private sealed class TerminalCall(PracticeService practice, Ui ui, TraineeInput input, TimeProvider time)
    {
        /// <summary>When the trainee put the customer on hold; the next line they type ends the hold.</summary>
        private DateTimeOffset? _holdStartedAt;

        public async Task<SessionEnded> RunAsync(StartSessionRequest request, CancellationToken ct)
        {
            var started = await practice.StartAsync(request, ct);
            var code = request.Code is null ? "" : $", code {request.Code}";
            ui.Line(ui.Dim($"Calling: {started.PersonaName} ({started.PersonaId}, {started.Difficulty}, seed {started.Seed}{code}). /help for commands."));
            ShowCustomer(started.PersonaName, started.OpeningLine, started.Anger, started.Mood, null);
            try
            {
                return await LoopAsync(started, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C mid-call: keep what was said, as an abandoned call.
                ui.Line();
                ui.Line(ui.Dim("Call interrupted: saved as abandoned."));
                return await practice.EndAsync(started.SessionId, EndReason.Abandoned, CancellationToken.None);
            }
        }

        private async Task<SessionEnded> LoopAsync(SessionStarted started, CancellationToken ct)
        {
            while (true)
            {
                if (input.IsInteractive)
                {
                    ui.Write(ui.Bold("You: "));
                    ui.Flush();
                }
                var line = await input.ReadLineAsync(ct);
                if (line is null)
                {
                    ui.Line(ui.Dim("End of input: the call is saved as abandoned."));
                    return await practice.EndAsync(started.SessionId, EndReason.Abandoned, ct);
                }
                switch (line.Trim().ToLowerInvariant())
                {
                    case "/quit":
                        return await practice.EndAsync(started.SessionId, EndReason.Abandoned, ct);
                    case "/transfer":
                        return await practice.EndAsync(started.SessionId, EndReason.Transferred, ct);
                    case "/hangup":
                        return await practice.EndAsync(started.SessionId, EndReason.AgentHungUp, ct);
                    case "/hold":
                        _holdStartedAt ??= time.GetUtcNow();
                        ui.Line(ui.Dim("The customer is on hold. Type your line when you are back."));
                        continue;
                    case var command when command.StartsWith('/'):
                        ui.Line(Help);
                        continue;
                }
                var turn = new TraineeTurn(line, HoldStartedAt: _holdStartedAt);
                _holdStartedAt = null;
                if (await TakeTurnAsync(started, turn, ct) is { } ended) return ended;
            }
        }

        /// <summary>One trainee turn and the customer's answer; the ended session when that turn ended the call.</summary>
        private async Task<SessionEnded?> TakeTurnAsync(SessionStarted started, TraineeTurn turn, CancellationToken ct)
        {
            var result = await practice.TakeTurnAsync(started.SessionId, turn, ct);
            ShowCustomer(started.PersonaName, result.CustomerLine, result.Anger, result.Mood, result.Update.Reasons);
            if (result.IsOver)
            {
                ui.Line(ui.Dim($"The call has ended: {result.Outcome.ToId()}."));
                return result.Ended ?? await practice.EndAsync(started.SessionId, EndReason.Completed, ct);
            }
            return null;
        }

        private void ShowCustomer(string name, string text, int anger, Persona.Mood.MoodState mood, IReadOnlyList<string>? reasons)
        {
            ui.Line($"{ui.Cyan("Customer")} ({name}): {text}");
            ui.Line(AngerMeter.Render(ui, anger, mood, reasons));
            ui.Flush();
        }
    }
}
