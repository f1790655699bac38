using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using SimCaller.Accounts;
using SimCaller.Api.Accounts;
using SimCaller.Evaluation.Rubrics;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Library;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Mood;
using static SimCaller.Api.Web.PageLayout;

namespace SimCaller.Api.Web;

/// <summary>
/// The persona library: GET /personas (every file of the personas folder, with what lint finds in it),
/// GET /personas/{id} (one customer readably, its mood diagram per level from /personas/{id}/mood.svg, and
/// its YAML with line numbers) for admins, trainers and hiring managers; GET and POST /personas/{id}/edit
/// (check and save the YAML) for admins and trainers. Lint and saving are <see cref="PersonaLibrary"/>'s,
/// with the rubric's criteria, as <c>simcaller personas lint</c> checks them. The folder is the service's,
/// shared by every organisation on it.
/// </summary>
internal static class PersonaLibraryPages
{
    // The diagram is an image of its own: the page's policy allows images from here, and the SVG runs nothing.
    private const string DiagramPolicy = "default-src 'none'; frame-ancestors 'self'";

    public static void Map(IEndpointRouteBuilder app)
    {
        var personas = app.MapGroup("/personas").RequireAuthorization(WebAccess.AccountPolicy);
        personas.MapGet("", List);
        personas.MapGet("/{key}", View);
        personas.MapGet("/{key}/mood.svg", Diagram);
        personas.MapGet("/{key}/edit", Edit);
        personas.MapPost("/{key}/edit", CheckOrSaveAsync);
    }

    private static bool MayRead(Role role) => role is Role.Admin or Role.Trainer or Role.Hiring;

    private static bool MayEdit(Role role) => role is Role.Admin or Role.Trainer;

    private static PersonaLibrary Library(PersonaCatalog catalog, Rubric rubric) =>
        new(catalog, new PersonaCheckOptions(rubric.Criteria.Select(c => c.Id).ToHashSet(StringComparer.Ordinal)));

    private static string Href(PersonaFile file, string? rest = null) => $"/personas/{Uri.EscapeDataString(file.Key)}{rest}";

    private static IResult List(HttpContext http, PersonaCatalog catalog, Rubric rubric)
    {
        var caller = http.User.Caller()!;
        if (!MayRead(caller.Role))
        {
            return Forbidden(http);
        }
        var files = Library(catalog, rubric).List();
        var rows = new StringBuilder();
        foreach (var file in files)
        {
            var shown = file.Shown;
            var name = shown is null
                ? $"<a href=\"{E(Href(file))}\">{E(file.FileName)}</a> <span class=\"muted\">(does not load)</span>"
                : $"<a href=\"{E(Href(file))}\">{E(shown.Name)}</a>";
            var levels = shown is null ? "<span class=\"muted\">&ndash;</span>" : E(string.Join(", ", shown.DifficultyNames()));
            rows.Append($"<tr data-persona=\"{E(file.Key)}\" data-status=\"{Status(file)}\"><td class=\"lib-name\">{name}</td>");
            rows.Append($"<td><code>{E(file.Id ?? "")}</code></td><td>{levels}</td><td class=\"lib-summary\">{E(shown?.Summary)}</td>");
            rows.Append($"<td class=\"lib-file\">{LintBadge(file)}<br><span class=\"muted\">{E(file.FileName)}</span></td></tr>");
        }
        var table = files.Count == 0
            ? "<p class=\"empty\" id=\"library\">No persona files yet. Start one with <code>simcaller personas new ID</code>.</p>"
            : $"<table class=\"calls library\" id=\"library\"><thead><tr><th>Customer</th><th>Id</th><th>Levels</th><th>Description</th><th>File</th></tr></thead><tbody>{rows}</tbody></table>";
        var body = $"""
            <h1>Persona library</h1>
            <p class="lead">The customers trainees practise with: one YAML file each in the personas folder. Open one to read who they are, see their mood diagram and their file{(MayEdit(caller.Role) ? ", or to edit it" : "")}.</p>
            <section class="card">
              {table}
              <p class="aside">Lint runs the same checks as <code>simcaller personas lint</code>. A file with errors is left out of practice until it is fixed (trainees keep the last good version while the service runs); warnings do not stop it.</p>
            </section>
            """;
        return Page(http, "Persona library", body);
    }

    private static IResult View(string key, HttpContext http, PersonaCatalog catalog, Rubric rubric,
        [FromQuery(Name = "difficulty")] string? difficulty, [FromQuery(Name = "saved")] string? saved)
    {
        var caller = http.User.Caller()!;
        if (!MayRead(caller.Role))
        {
            return Forbidden(http);
        }
        if (Library(catalog, rubric).Find(key) is not { } file)
        {
            return NotFound(http, "persona");
        }
        var persona = file.Shown;
        var level = persona is null ? null : persona.TryResolveDifficulty(difficulty, out _) ? persona.CanonicalDifficulty(difficulty) : null;
        var badLevel = persona is not null && level is null;
        var body = new StringBuilder();
        body.Append($"<p class=\"crumbs\"><a href=\"/personas\">&larr; Persona library</a></p>");
        body.Append("<div class=\"lib-head\"><div>");
        body.Append($"<h1 id=\"persona-name\">{E(persona?.Name ?? file.FileName)}</h1>");
        if (persona is not null)
        {
            body.Append($"<p class=\"lead\" id=\"persona-summary\">{E(persona.Summary)}</p>");
        }
        body.Append($"<p class=\"aside\">Id <code>{E(file.Id ?? "(none)")}</code> &middot; file <code>{E(file.FileName)}</code> &middot; {LintBadge(file)}</p></div>");
        if (MayEdit(caller.Role))
        {
            body.Append($"<a class=\"button primary\" id=\"edit-persona\" href=\"{E(Href(file, "/edit"))}\">Edit YAML</a>");
        }
        body.Append("</div>");
        if (saved is not null)
        {
            body.Append("<p class=\"notice\" role=\"status\" id=\"saved\">Saved. New calls get this version now; calls already played keep the version they were played with.</p>");
        }
        if (badLevel)
        {
            body.Append($"<p class=\"alert\" role=\"alert\" id=\"bad-level\">{E(persona!.Name)} has no level '{E(difficulty)}'. The levels are {E(string.Join(", ", persona.DifficultyNames()))}; showing {E(persona.DefaultDifficulty)}.</p>");
            level = persona.DefaultDifficulty;
        }
        if (file.HasErrors)
        {
            body.Append($"<p class=\"alert\" role=\"alert\" id=\"file-errors\">{E(file.Offered is null
                ? "This file has errors, so trainees cannot practise with this customer until it is fixed."
                : "This file has errors: trainees still get the last good version (shown here) until it is fixed.")}</p>");
        }
        if (file.Problems.Count > 0)
        {
            body.Append($"<section class=\"card\" id=\"problems\"><h2>{E(Counted(file.Problems))}</h2>{ProblemList(file.Problems)}</section>");
        }
        if (persona is not null)
        {
            body.Append(About(persona));
            body.Append(Levels(persona));
            body.Append(MoodSection(file, persona, level!));
        }
        body.Append($"""
            <section class="card" id="source">
              <h2>The YAML file</h2>
              <p class="aside"><code>{E(file.FileName)}</code>, {LineCount(file.Text)} lines. Lines with a problem are marked.</p>
              {NumberedLines(file.Text, file.Problems)}
            </section>
            <script src="/js/persona-library.js"></script>
            """);
        return Page(http, persona?.Name ?? file.FileName, body.ToString(), badLevel ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static IResult Diagram(string key, HttpContext http, PersonaCatalog catalog, Rubric rubric, [FromQuery(Name = "difficulty")] string? difficulty)
    {
        var caller = http.User.Caller()!;
        if (!MayRead(caller.Role))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        if (Library(catalog, rubric).Find(key)?.Shown is not { } persona || !persona.TryResolveDifficulty(difficulty, out _))
        {
            return Results.NotFound();
        }
        Secure(http, DiagramPolicy);
        return Results.Content(MoodDiagram.For(persona, difficulty).ToSvg(), "image/svg+xml; charset=utf-8", Encoding.UTF8);
    }

    private static IResult Edit(string key, HttpContext http, PersonaCatalog catalog, Rubric rubric)
    {
        var caller = http.User.Caller()!;
        if (!MayEdit(caller.Role))
        {
            return Forbidden(http);
        }
        return Library(catalog, rubric).Find(key) is { } file
            ? Editor(http, file, new EditorState(file.Text, file.Version, file.Problems, Checked: false))
            : NotFound(http, "persona");
    }

    /// <summary>
    /// "Check" lints what was typed and writes nothing; "Save" writes it when it has no errors, keeps the id
    /// and the file is still the version the editor opened. Refused, the editor comes back with the text as typed.
    /// </summary>
    private static async Task<IResult> CheckOrSaveAsync(string key, HttpContext http, PersonaCatalog catalog, Rubric rubric, ILoggerFactory loggers)
    {
        var caller = http.User.Caller()!;
        if (!MayEdit(caller.Role))
        {
            return Forbidden(http);
        }
        if (await PageForms.ReadValidAsync(http) is not { } form)
        {
            return PageForms.Expired(http);
        }
        var library = Library(catalog, rubric);
        if (library.Find(key) is not { } file)
        {
            return NotFound(http, "persona");
        }
        var text = form["yaml"].ToString();
        var version = form["version"].ToString();
        var action = form["action"].ToString();
        if (action is not ("save" or "overwrite"))
        {
            // Said now rather than only when Save is refused, so the trainer can compare before going on.
            var stale = !string.Equals(version, file.Version, StringComparison.OrdinalIgnoreCase);
            return Editor(http, file, new EditorState(text, version, library.Check(file, text), Checked: true,
                Error: stale ? "Someone changed this file after you opened it: saving your text as it is will be refused. The link 'Open the current version' shows their change; then copy yours into it, or save yours over theirs." : null,
                CurrentVersion: stale ? file.Version : null));
        }

        // Overwriting after a conflict starts from the version the conflict page showed, and is refused again if it moved on.
        var from = action == "overwrite" ? form["current_version"].ToString() : version;
        var logger = loggers.CreateLogger("SimCaller.Api.Web.PersonaLibrary");
        PersonaSaveResult result;
        try
        {
            result = library.Save(key, text, from);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Saving persona file {File} for {Email} failed", file.Path, caller.Email);
            return Editor(http, file, new EditorState(text, version, [], Checked: false,
                Error: "The file could not be written, so it is unchanged (the service could not write to the personas folder). Your text is below; try again, or tell whoever runs the service."),
                StatusCodes.Status500InternalServerError);
        }
        switch (result.Outcome)
        {
            case PersonaSaveOutcome.Saved:
                var saved = result.Current!;
                logger.LogInformation("Persona file {File} ({PersonaId}) saved by {Email} ({AccountId}): version {OldVersion} -> {NewVersion}, {Warnings} warnings",
                    saved.Path, saved.Id, caller.Email, caller.AccountId, from, saved.Version, result.Problems.Count);
                return Results.Redirect(Href(saved, "?saved=1"));
            case PersonaSaveOutcome.Conflict:
                var current = result.Current!;
                logger.LogInformation("Persona file {File} not saved for {Email}: it changed since the editor opened it ({Expected} -> {Current})",
                    current.Path, caller.Email, from, current.Version);
                return Editor(http, current, new EditorState(text, version, library.Check(current, text), Checked: true,
                    Error: "Someone changed this file after you opened it, so nothing was written. Your text is below as you typed it. " +
                           "The link 'Open the current version' shows their change; then copy yours into it, or save yours over theirs.",
                    CurrentVersion: current.Version),
                    StatusCodes.Status409Conflict);
            case PersonaSaveOutcome.Invalid:
                return Editor(http, file, new EditorState(text, version, result.Problems, Checked: true,
                    Error: "Not saved: the text has errors (listed below, with their lines). Fix them and save again; nothing was written."),
                    StatusCodes.Status400BadRequest);
            default:
                return NotFound(http, "persona");
        }
    }

    /// <param name="CurrentVersion">After a conflict: the file's version now, which "save mine over it" starts from.</param>
    private sealed record EditorState(string Text, string Version, IReadOnlyList<PersonaProblem> Problems, bool Checked, string? Error = null, string? CurrentVersion = null);

    private static IResult Editor(HttpContext http, PersonaFile file, EditorState state, int status = StatusCodes.Status200OK)
    {
        var name = file.Shown?.Name ?? file.FileName;
        var errors = state.Problems.Count(p => !p.IsWarning);
        var summary = state.Problems.Count > 0
            ? $"<h2>{E(Counted(state.Problems))}</h2><p class=\"aside\">Select a line to put the cursor on it in the editor. {(errors > 0 ? "Errors must be fixed before saving; warnings may stay." : "Warnings do not stop a save.")}</p>{ProblemList(state.Problems)}"
            : state.Checked ? "<h2>No problems found</h2><p class=\"aside\">The file passes the same checks as <code>simcaller personas lint</code>.</p>" : "";
        var overwrite = state.CurrentVersion is null
            ? ""
            : $"<input type=\"hidden\" name=\"current_version\" value=\"{E(state.CurrentVersion)}\">" +
              "<button type=\"submit\" name=\"action\" value=\"overwrite\" class=\"danger\" id=\"overwrite\">Save mine over theirs</button>";
        // The typed text must come back exactly: a textarea drops one line break right after its start tag, so the
        // text starts on the line after it.
        var body = $"""
            <p class="crumbs"><a href="{E(Href(file))}">&larr; {E(name)}</a></p>
            <h1>Edit {E(name)}</h1>
            <p class="aside">File <code>{E(file.FileName)}</code> in the personas folder. <strong>Check</strong> shows what lint finds and writes nothing; <strong>Save</strong> replaces the file (not while it has errors). Calls already played keep the version they were played with.</p>
            {(state.Error is null ? "" : $"<p class=\"alert\" role=\"alert\" id=\"editor-error\">{E(state.Error)}{(state.CurrentVersion is null ? "" : $" <a href=\"{E(Href(file))}\" target=\"_blank\" rel=\"noopener\">Open the current version</a>")}</p>")}
            {(summary.Length == 0 ? "" : $"<section class=\"card{(errors > 0 ? " has-errors" : "")}\" id=\"problems\">{summary}</section>")}
            <form method="post" action="{E(Href(file, "/edit"))}" id="editor-form" class="card lib-editor">
              {AntiforgeryInput(http)}
              <input type="hidden" name="version" value="{E(state.Version)}">
              <label for="yaml">YAML <span class="muted" id="cursor-line" aria-live="polite"></span></label>
              <textarea id="yaml" name="yaml" rows="26" wrap="off" spellcheck="false" autocapitalize="off" autocomplete="off">
            {E(state.Text)}</textarea>
              <div class="lib-actions">
                <button type="submit" name="action" value="check" id="check">Check</button>
                <button type="submit" name="action" value="save" class="primary" id="save">Save</button>
                {overwrite}
                <a href="{E(Href(file))}">Cancel</a>
              </div>
            </form>
            <section class="card" id="source">
              <h2>Your text, line by line</h2>
              <p class="aside">{LineCount(state.Text)} lines{(state.Problems.Count > 0 ? "; lines with a problem are marked, with the problem under them" : "")}.</p>
              {NumberedLines(state.Text, state.Problems)}
            </section>
            <script src="/js/persona-library.js"></script>
            """;
        return Page(http, $"Edit {name}", body, status);
    }

    private static string About(PersonaDefinition p)
    {
        var needs = new StringBuilder($"<dt>Needs</dt><dd id=\"persona-need\">{E(p.Needs.Core)}</dd>");
        if (!string.IsNullOrWhiteSpace(p.Needs.Partial))
        {
            needs.Append($"<dt>Would accept</dt><dd>{E(p.Needs.Partial)}</dd>");
        }
        if (p.Needs.CoreParts.Count > 0)
        {
            needs.Append($"<dt>In parts</dt><dd>{E(string.Join("; ", p.Needs.CoreParts.Select(part => part.Name)))} (all of them)</dd>");
        }
        var facts = p.Scenario.Facts.Count == 0
            ? ""
            : $"<dt>Knows</dt><dd>{E(string.Join("; ", p.Scenario.Facts.Select(f => $"{f.Topic}: {f.Value}")))}</dd>";
        var opening = p.OpeningLines.Count == 0 ? "" : $"<dt>Opens with</dt><dd><q>{E(p.OpeningLines[0])}</q>{(p.OpeningLines.Count > 1 ? $" <span class=\"muted\">(one of {p.OpeningLines.Count})</span>" : "")}</dd>";
        return $"""
            <section class="card lib-about" id="about">
              <div>
                <h2>Who they are</h2>
                <dl class="lib-facts">
                  {(p.Personality.Length > 0 ? $"<dt>Personality</dt><dd>{E(p.Personality)}</dd>" : "")}
                  {(p.SpeakingStyle.Length > 0 ? $"<dt>Speaks</dt><dd>{E(p.SpeakingStyle)}</dd>" : "")}
                  {opening}
                  <dt>Behaviour</dt><dd>{E(Behaviour(p))}</dd>
                </dl>
              </div>
              <div>
                <h2>The situation</h2>
                <dl class="lib-facts">
                  <dt>Company</dt><dd>{E(p.Scenario.Company)}{(p.Scenario.Product.Length > 0 ? $" &mdash; {E(p.Scenario.Product)}" : "")}</dd>
                  <dt>Problem</dt><dd id="persona-problem">{E(p.Scenario.Problem)}</dd>
                  {facts}
                  {needs}
                  <dt>Anger</dt><dd>starts at {p.StartingAnger} / 100 before the level; cannot fall below {p.Needs.AngerFloor} until the need is met; satisfied at {p.Needs.ResolvedBelow} or less with the need met</dd>
                </dl>
              </div>
            </section>
            """;
    }

    private static string Behaviour(PersonaDefinition p)
    {
        var parts = new List<string>();
        if (p.Behaviours.Abusive)
        {
            parts.Add(p.Behaviours.InsultsAbove is { } insults ? $"abusive: insults the agent above anger {insults}" : "abusive");
        }
        if (p.Behaviours.DemandsManagerAbove is { } manager)
        {
            parts.Add($"asks for a manager above anger {manager}");
        }
        if (p.Behaviours.ThreatensOnlineAbove is { } online)
        {
            parts.Add($"threatens to go public above anger {online}");
        }
        if (p.Behaviours.TangentChance > 0)
        {
            parts.Add($"wanders off topic ({Math.Round(p.Behaviours.TangentChance * 100)}% of turns)");
        }
        parts.Add($"hangs up after {p.Patience.FuriousTurns} furious turns or {p.Patience.SilentTurns} silences in a row; {p.Patience.MaxTurns} turns at most");
        return string.Join("; ", parts);
    }

    private static string Levels(PersonaDefinition p)
    {
        static string Factor(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "&times;";
        static string Offset(int value) => value == 0 ? "0" : value.ToString("+0;-0", CultureInfo.InvariantCulture);
        var rows = new StringBuilder();
        foreach (var (name, level) in p.Difficulties)
        {
            var isDefault = string.Equals(name, p.DefaultDifficulty, StringComparison.OrdinalIgnoreCase);
            rows.Append($"<tr data-level=\"{E(name)}\"><td><strong>{E(name)}</strong>{(isDefault ? " <span class=\"muted\">(default)</span>" : "")}</td><td>{E(level.Description)}</td>");
            rows.Append($"<td class=\"num\">{Factor(level.CalmingFactor)}</td><td class=\"num\">{Factor(level.InflamingFactor)}</td>");
            rows.Append($"<td class=\"num\">{Offset(level.StartingAngerOffset)}</td><td class=\"num\">{Factor(level.PatienceFactor)}</td><td class=\"num\">{Offset(level.FloorOffset)}</td></tr>");
        }
        return $"""
            <section class="card" id="levels">
              <h2>Levels</h2>
              <table class="calls"><thead><tr><th>Level</th><th>What it is like</th><th class="num">Calming</th><th class="num">Inflaming</th><th class="num">Start anger</th><th class="num">Patience</th><th class="num">Floor</th></tr></thead><tbody>{rows}</tbody></table>
            </section>
            """;
    }

    private static string MoodSection(PersonaFile file, PersonaDefinition persona, string level)
    {
        var diagram = MoodDiagram.For(persona, level);
        var options = string.Concat(persona.DifficultyNames().Select(name =>
            $"<option value=\"{E(name)}\"{(string.Equals(name, level, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{E(name)}</option>"));
        var words = new StringBuilder();
        foreach (var edge in diagram.Edges)
        {
            var from = edge.From == MoodDiagram.DuringTheCall ? "during the call" : edge.From;
            var to = diagram.Endings.FirstOrDefault(e => e.Id == edge.To)?.Title ?? edge.To;
            words.Append($"<li><strong>{E(from)} &rarr; {E(to)}</strong>: {E(string.Join(" ", edge.Label))}</li>");
        }
        var src = Href(file, $"/mood.svg?difficulty={Uri.EscapeDataString(level)}");
        return $"""
            <section class="card" id="mood">
              <div class="lib-mood-head">
                <h2>Mood diagram</h2>
                <form method="get" action="{E(Href(file))}#mood" class="inline" id="level-form">
                  <label>Level <select name="difficulty" data-autosubmit>{options}</select></label>
                  <button type="submit">Show</button>
                </form>
              </div>
              <p class="aside">How {E(persona.Name)}'s anger moves at the <strong>{E(level)}</strong> level: starts at {diagram.StartingAnger} ({E(diagram.StartBand)}). Each arrow names the moves that push it that way, with their points.</p>
              <figure class="lib-diagram"><img id="mood-diagram" src="{E(src)}" alt="{E(diagram.Title)}. Starts at anger {diagram.StartingAnger} ({E(diagram.StartBand)}); the same diagram in words is below."></figure>
              <p class="aside"><a href="{E(src)}" target="_blank" rel="noopener" id="diagram-full-size">Open the diagram full size</a></p>
              <details class="lib-words"><summary>The diagram in words</summary><ul>{words}</ul></details>
            </section>
            """;
    }

    /// <summary>Each problem with its line (a link to that line of the numbered view), severity, field and message.</summary>
    private static string ProblemList(IReadOnlyList<PersonaProblem> problems)
    {
        var items = new StringBuilder();
        foreach (var p in problems)
        {
            var severity = p.IsWarning ? "warning" : "error";
            var where = p.Line is { } line
                ? $"<a class=\"lib-line\" href=\"#L{line}\" data-line=\"{line}\">line {line}</a>"
                : "<span class=\"lib-line muted\">whole file</span>";
            items.Append($"<li class=\"problem {severity}\" data-line=\"{p.Line?.ToString(CultureInfo.InvariantCulture) ?? ""}\" data-field=\"{E(p.Field)}\">" +
                         $"{where} <span class=\"sev {severity}\">{severity}</span> {(p.Field is null ? "" : $"<code>{E(p.Field)}</code> ")}<span class=\"msg\">{E(p.Message)}</span></li>");
        }
        return $"<ol class=\"lib-problems\">{items}</ol>";
    }

    /// <summary>The text with a number on each line; lines with a problem marked, their problems right under them.</summary>
    private static string NumberedLines(string text, IReadOnlyList<PersonaProblem> problems)
    {
        var byLine = problems.Where(p => p.Line is not null).ToLookup(p => p.Line!.Value);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var count = lines.Length > 1 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var html = new StringBuilder(text.Length * 2);
        html.Append("<div class=\"lib-lines\" tabindex=\"0\" role=\"region\" aria-label=\"The YAML with line numbers\">");
        for (var i = 0; i < count; i++)
        {
            var n = i + 1;
            var here = byLine[n].ToArray();
            var mark = here.Length == 0 ? "" : here.Any(p => !p.IsWarning) ? " error" : " warning";
            html.Append($"<div class=\"row{mark}\" id=\"L{n}\" data-line=\"{n}\"><a class=\"ln\" href=\"#L{n}\" data-line=\"{n}\">{n}</a><code class=\"tx\">{E(lines[i])}</code></div>");
            foreach (var p in here)
            {
                var severity = p.IsWarning ? "warning" : "error";
                html.Append($"<div class=\"note {severity}\">{severity}{(p.Field is null ? "" : $" in {E(p.Field)}")}: {E(p.Message)}</div>");
            }
        }
        html.Append("</div>");
        return html.ToString();
    }

    private static int LineCount(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return lines.Length > 1 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
    }

    private static string Status(PersonaFile file) => file.HasErrors ? "errors" : file.Problems.Count > 0 ? "warnings" : "ok";

    private static string LintBadge(PersonaFile file)
    {
        var errors = file.Errors.Count();
        var warnings = file.Warnings.Count();
        if (errors > 0)
        {
            var offered = file.Offered is null ? "not offered" : "last good version offered";
            return $"<span class=\"lint errors\">{Plural(errors, "error")}</span>{(warnings > 0 ? $" <span class=\"lint warnings\">{Plural(warnings, "warning")}</span>" : "")} <span class=\"muted\">({offered})</span>";
        }
        return warnings > 0 ? $"<span class=\"lint warnings\">{Plural(warnings, "warning")}</span>" : "<span class=\"lint ok\">no problems</span>";
    }

    private static string Counted(IReadOnlyList<PersonaProblem> problems)
    {
        var errors = problems.Count(p => !p.IsWarning);
        var warnings = problems.Count - errors;
        return errors > 0 && warnings > 0 ? $"{Plural(errors, "error")}, {Plural(warnings, "warning")}"
            : errors > 0 ? Plural(errors, "error") : Plural(warnings, "warning");
    }

    private static string Plural(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}
