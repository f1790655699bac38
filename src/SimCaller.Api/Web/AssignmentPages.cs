using System.Globalization;
using System.Text;
using SimCaller.Accounts;
using SimCaller.Api.Accounts;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Training;
using static SimCaller.Api.Web.PageLayout;

namespace SimCaller.Api.Web;

/// <summary>
/// /assignments, for trainers and admins: set practice (a customer, a level, a due date and a number of attempts)
/// for trainees of the organisation or a named group of them, through <see cref="AssignmentService.CreateAsync"/>
/// as POST /api/assignments does; and see every trainee's completion with the best and latest score.
/// Anyone else gets 403.
/// </summary>
internal static class AssignmentPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/assignments", ShowAsync).RequireAuthorization(WebAccess.AccountPolicy);
        app.MapPost("/assignments", CreateAsync).RequireAuthorization(WebAccess.AccountPolicy);
    }

    /// <summary>What the form held, as typed, to show it again after a refusal.</summary>
    private sealed record AssignForm(string Persona, string Difficulty, string Due, string Attempts, IReadOnlyList<string> Trainees, bool Everyone, string Group)
    {
        public static readonly AssignForm Empty = new("", "", "", "1", [], false, "");
    }

    private static async Task<IResult> ShowAsync(HttpContext http, AssignmentService assignments, PersonaCatalog personas, IAccountStore accounts)
    {
        if (http.User.Caller() is not { } caller || !AssignmentService.MayAssign(caller.Role))
        {
            return Forbidden(http);
        }
        return await RenderAsync(http, caller, assignments, personas, accounts, AssignForm.Empty, error: null, created: http.Request.Query["created"].ToString());
    }

    private static async Task<IResult> CreateAsync(HttpContext http, AssignmentService assignments, PersonaCatalog personas, IAccountStore accounts, TimeProvider time)
    {
        if (http.User.Caller() is not { } caller || !AssignmentService.MayAssign(caller.Role))
        {
            return Forbidden(http);
        }
        if (await PageForms.ReadValidAsync(http) is not { } form)
        {
            return PageForms.Expired(http);
        }
        var ct = http.RequestAborted;
        var entered = new AssignForm(form["persona"].ToString(), form["difficulty"].ToString(), form["due"].ToString().Trim(), form["attempts"].ToString().Trim(),
            form["trainees"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToArray(), form["everyone"].ToString() == "on", form["group"].ToString().Trim());
        Task<IResult> Refuse(string message) =>
            RenderAsync(http, caller, assignments, personas, accounts, entered, message, created: null);

        if (!TryParseDue(entered.Due, time.GetUtcNow(), out var due, out var dueError))
        {
            return await Refuse(dueError);
        }
        int? attempts = null;
        if (entered.Attempts.Length > 0)
        {
            if (!int.TryParse(entered.Attempts, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return await Refuse($"Attempts must be a whole number from 1 to {AssignmentService.MaxAttempts}, not '{entered.Attempts}'.");
            }
            attempts = number;
        }
        var active = Trainees(await accounts.ListAccountsAsync(caller.OrganisationId, ct)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var trainees = entered.Trainees.ToList();
        if (entered.Everyone)
        {
            trainees.AddRange(active);
        }
        if (trainees.Count == 0 && entered.Group.Length > 0)
        {
            // A group named before, with nobody ticked: the same trainees as its latest assignment.
            var earlier = (await assignments.ListAsync(caller, ct))
                .Where(a => string.Equals(a.Assignment.Group, entered.Group, StringComparison.OrdinalIgnoreCase))
                .MaxBy(a => a.Assignment.CreatedAt);
            if (earlier is null)
            {
                return await Refuse($"There is no group '{entered.Group}' yet. Tick its trainees to make it, or choose a group you have assigned before.");
            }
            // Whoever has been deactivated since is left out.
            trainees.AddRange(earlier.Trainees.Select(t => t.AccountId).Where(active.Contains));
        }
        if (trainees.Count == 0)
        {
            return await Refuse("Choose who should practise: tick one or more trainees, tick everyone, or name a group you have assigned before.");
        }
        try
        {
            var created = await assignments.CreateAsync(caller, entered.Persona, entered.Difficulty, due, attempts, trainees, entered.Group, ct);
            return Results.Redirect($"/assignments?created={Uri.EscapeDataString(created.Assignment.Id)}");
        }
        catch (TrainingAccessDeniedException)
        {
            return Forbidden(http);
        }
        catch (TrainingException e)
        {
            return await Refuse(e.Message);
        }
    }

    /// <summary>A date is due at the end of that day (UTC), which is what a trainer means by "due on the 3rd".</summary>
    private static bool TryParseDue(string text, DateTimeOffset now, out DateTimeOffset? due, out string error)
    {
        (due, error) = (null, "");
        if (text.Length == 0)
        {
            error = "Choose a due date.";
            return false;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            due = new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero);
            if (due <= now)
            {
                error = $"The due date {text} has passed. Choose today or a later day.";
                return false;
            }
            return true;
        }
        if (text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            due = moment;
            return true;
        }
        error = $"The due date must be a date like 2026-12-01, not '{text}'.";
        return false;
    }

    private static IEnumerable<Account> Trainees(IEnumerable<Account> members) =>
        members.Where(a => a.Role == Role.Trainee && a.Active).OrderBy(a => a.Email, StringComparer.Ordinal);

    private static async Task<IResult> RenderAsync(
        HttpContext http, Caller caller, AssignmentService assignments, PersonaCatalog personas, IAccountStore accounts, AssignForm form, string? error, string? created)
    {
        var ct = http.RequestAborted;
        var list = await assignments.ListAsync(caller, ct);
        var trainees = Trainees(await accounts.ListAccountsAsync(caller.OrganisationId, ct)).ToArray();
        var notice = list.FirstOrDefault(a => a.Assignment.Id == created) is { } made
            ? $"<p class=\"notice\" role=\"status\" id=\"assign-notice\">Assigned {E(made.PersonaName)} ({E(made.Assignment.Difficulty)}) to {E(string.Join(", ", made.Trainees.Select(t => t.Email)))}, " +
              $"{made.Assignment.Attempts} attempt{(made.Assignment.Attempts == 1 ? "" : "s")} each, due {E(When(made.Assignment.DueAt))}. It is on their home page now.</p>"
            : "";
        var body = $"""
            <h1>Assignments</h1>
            <p class="lead">Set a customer for trainees to practise by a date, then follow who has done it and how well.</p>
            {(error is null ? "" : $"<p class=\"alert\" role=\"alert\" id=\"assign-error\">{E(error)}</p>")}
            {notice}
            {Form(http, form, personas, trainees, list)}
            <section class="card">
              <h2>Completion</h2>
              <p class="aside">Each trainee on each assignment. A finished call with that customer at that level, made after the assignment was set, counts as an attempt.</p>
              {Completion(list)}
            </section>
            """;
        return Page(http, "Assignments", body, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static string Form(HttpContext http, AssignForm form, PersonaCatalog personas, IReadOnlyList<Account> trainees, IReadOnlyList<AssignmentStatus> list)
    {
        var customers = SessionsPages.Select("persona", "Customer", form.Persona, "Choose a customer",
            personas.All.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p => (p.Id, p.Name)), required: true);
        var levels = SessionsPages.Select("difficulty", "Level", form.Difficulty.Length > 0 ? form.Difficulty : personas.All.FirstOrDefault()?.DefaultDifficulty ?? "", null,
            personas.All.SelectMany(p => p.DifficultyNames()).Distinct(StringComparer.OrdinalIgnoreCase).Select(l => (l, l)));
        var people = new StringBuilder();
        foreach (var trainee in trainees)
        {
            var ticked = form.Trainees.Contains(trainee.Id, StringComparer.Ordinal) || form.Trainees.Contains(trainee.Email, StringComparer.OrdinalIgnoreCase);
            people.Append($"<li><label class=\"check\"><input type=\"checkbox\" name=\"trainees\" value=\"{E(trainee.Id)}\" data-email=\"{E(trainee.Email)}\"{(ticked ? " checked" : "")}> {E(trainee.Email)}</label></li>");
        }
        var groups = list.Select(a => a.Assignment.Group).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
        var dueType = form.Due.Length == 0 || DateOnly.TryParseExact(form.Due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? "date" : "text";
        var attemptsType = int.TryParse(form.Attempts, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? "number" : "text";
        var who = trainees.Count == 0
            ? "<p class=\"empty\" id=\"no-trainees\">Your organisation has no active trainees yet. An admin adds them on the Users page.</p>"
            : $"""
              <label class="check everyone"><input type="checkbox" name="everyone"{(form.Everyone ? " checked" : "")}> Everyone ({trainees.Count} trainee{(trainees.Count == 1 ? "" : "s")})</label>
              <ul class="trainee-picks" id="trainee-picks">{people}</ul>
              """;
        return $"""
            <section class="card">
              <h2>Assign practice</h2>
              <form method="post" action="/assignments" id="assign-form" class="assign">
                {AntiforgeryInput(http)}
                <div class="inline">
                  {customers}
                  {levels}
                  <label>Due (end of day, UTC) <input name="due" type="{dueType}" required value="{E(form.Due)}" placeholder="2026-12-01"></label>
                  <label>Attempts <input name="attempts" type="{attemptsType}" min="1" max="{AssignmentService.MaxAttempts}" step="1" required value="{E(form.Attempts)}" class="short"></label>
                </div>
                <fieldset>
                  <legend>Trainees</legend>
                  {who}
                  <label class="group">Group name (optional) <input name="group" list="group-names" maxlength="100" value="{E(form.Group)}" placeholder="e.g. November starters" autocomplete="off"></label>
                  <datalist id="group-names">{string.Concat(groups.Select(g => $"<option value=\"{E(g)}\"></option>"))}</datalist>
                  <p class="aside">A name keeps these trainees together as a group. To assign to a group you used before, choose its name and tick nobody.</p>
                </fieldset>
                <button type="submit" class="primary">Assign</button>
              </form>
            </section>
            """;
    }

    private static string Completion(IReadOnlyList<AssignmentStatus> list)
    {
        var rows = new StringBuilder();
        foreach (var a in list.OrderBy(a => a.Status == "complete").ThenBy(a => a.Assignment.DueAt))
        {
            foreach (var t in a.Trainees.OrderBy(t => t.Email, StringComparer.OrdinalIgnoreCase))
            {
                var status = t.Complete ? "complete" : a.Status == "overdue" ? "overdue" : "due";
                // The calls that count, in the sessions list: this trainee's, with that customer and level, since the assignment was set.
                var calls = $"/sessions?trainee={Uri.EscapeDataString(t.Email)}&persona={Uri.EscapeDataString(a.Assignment.PersonaId)}&difficulty={Uri.EscapeDataString(a.Assignment.Difficulty)}" +
                            $"&from={Uri.EscapeDataString(a.Assignment.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))}";
                rows.Append($"<tr data-assignment=\"{E(a.Assignment.Id)}\" data-trainee=\"{E(t.Email)}\" data-status=\"{status}\"><td>{E(t.Email)}</td>");
                rows.Append($"<td>{E(a.PersonaName)} <span class=\"muted\">({E(a.Assignment.Difficulty)})</span></td><td>{(a.Assignment.Group is { } g ? E(g) : "<span class=\"muted\">&ndash;</span>")}</td>");
                rows.Append($"<td class=\"when\">{E(When(a.Assignment.DueAt))}</td><td class=\"num attempts\">{t.Done} / {a.Assignment.Attempts}</td>");
                rows.Append($"<td class=\"num best\">{Score(t.BestScore)}</td><td class=\"num latest\">{Score(t.LatestScore)}</td>");
                rows.Append($"<td><span class=\"status {status}\">{status}</span></td><td>{(t.Done > 0 ? $"<a class=\"calls-link\" href=\"{E(calls)}\">Calls</a>" : "")}</td></tr>");
            }
        }
        return rows.Length == 0
            ? "<p class=\"empty\" id=\"completion\">No assignments yet. Use the form above to set the first one.</p>"
            : $"<table class=\"calls\" id=\"completion\"><thead><tr><th>Trainee</th><th>Customer</th><th>Group</th><th>Due</th><th class=\"num\">Attempts</th><th class=\"num\">Best</th><th class=\"num\">Latest</th><th>Status</th><th></th></tr></thead><tbody>{rows}</tbody></table>";
    }

    private static string Score(double? score) =>
        score is { } s ? Math.Round(s).ToString(CultureInfo.InvariantCulture) : "<span class=\"muted\">&ndash;</span>";
}
