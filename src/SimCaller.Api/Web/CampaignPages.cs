using System.Globalization;
using System.Text;
using SimCaller.Accounts;
using SimCaller.Api.Accounts;
using SimCaller.Api.Campaigns;
using SimCaller.Core.Calls;
using SimCaller.Evaluation.Rubrics;
using SimCaller.Hiring;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using static SimCaller.Api.Web.PageLayout;

namespace SimCaller.Api.Web;

/// <summary>
/// The hiring console: GET /campaigns (the organisation's campaigns and a form to make one), GET /campaigns/{id}
/// (the fixed conditions, invites shown once, the candidates, and the comparison on identical conditions,
/// sortable, with the API's CSV). Hiring managers and admins only; everything goes through
/// <see cref="HiringService"/>, which limits them to their organisation. Another organisation's campaign, like
/// any campaign for a role that may not hire, is answered "not found", so nothing tells it exists.
/// </summary>
internal static class CampaignPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/campaigns").RequireAuthorization(WebAccess.AccountPolicy);
        pages.MapGet("", ListAsync);
        pages.MapPost("", CreateAsync);
        pages.MapGet("/{id}", ShowAsync);
        pages.MapPost("/{id}/invites", InviteAsync);
        pages.MapPost("/{id}/candidates/{candidateId}/delete", DeleteCandidateAsync);
    }

    /// <summary>What was typed into the new-campaign form, kept as text so a refusal shows it back unchanged.</summary>
    private sealed record CampaignForm(string Name, string Persona, string Difficulty, string Seed, string MaxAttempts, string ClosesOn, bool ShowResults);

    private static Caller? Manager(HttpContext http) => http.User.Caller() is { } caller && HiringService.MayHire(caller.Role) ? caller : null;

    private static async Task<IResult> ListAsync(HttpContext http, HiringService hiring, PersonaCatalog personas, TimeProvider time) =>
        Manager(http) is { } manager
            ? await ListPageAsync(http, hiring, personas, time, manager, StatusCodes.Status200OK)
            : Forbidden(http);

    private static async Task<IResult> CreateAsync(HttpContext http, HiringService hiring, PersonaCatalog personas, TimeProvider time)
    {
        if (Manager(http) is not { } manager)
        {
            return Forbidden(http);
        }
        if (await PageForms.ReadValidAsync(http) is not { } form)
        {
            return PageForms.Expired(http);
        }
        var entered = new CampaignForm(form["name"].ToString(), form["persona"].ToString(), form["difficulty"].ToString(), form["seed"].ToString().Trim(),
            form["max_attempts"].ToString().Trim(), form["closes_on"].ToString().Trim(), form["show_results"].ToString() is "on" or "true");
        int? seed = null;
        if (entered.Seed.Length > 0)
        {
            if (!int.TryParse(entered.Seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return await RefusedAsync($"The seed must be a whole number, or empty for a random one; '{entered.Seed}' is not.");
            }
            seed = number;
        }
        if (!int.TryParse(entered.MaxAttempts, NumberStyles.Integer, CultureInfo.InvariantCulture, out var attempts))
        {
            return await RefusedAsync($"Attempts per candidate must be a whole number from 1 to {HiringService.MaxAttemptsLimit}.");
        }
        if (!DateOnly.TryParseExact(entered.ClosesOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closesOn))
        {
            return await RefusedAsync("Choose the last day candidates may play (the campaign closes at the end of that day, UTC).");
        }
        try
        {
            var campaign = await hiring.CreateCampaignAsync(manager, entered.Name, entered.Persona, entered.Difficulty, seed, attempts,
                ClosingTime(closesOn), entered.ShowResults, ct: http.RequestAborted);
            return Results.Redirect(CampaignPath(campaign.Id));
        }
        catch (HiringException e) when (e.Kind == RefusalKind.BadInput)
        {
            return await RefusedAsync(e.Message);
        }

        Task<IResult> RefusedAsync(string error) =>
            ListPageAsync(http, hiring, personas, time, manager, StatusCodes.Status400BadRequest, error, entered);
    }

    /// <summary>A campaign closes at the end of the chosen day, UTC: the day a manager picks is still open.</summary>
    private static DateTimeOffset ClosingTime(DateOnly day) => new(day.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc));

    private static async Task<IResult> ListPageAsync(
        HttpContext http, HiringService hiring, PersonaCatalog personas, TimeProvider time, Caller manager, int status, string? error = null, CampaignForm? entered = null)
    {
        var ct = http.RequestAborted;
        var now = time.GetUtcNow();
        var campaigns = await hiring.ListCampaignsAsync(manager, ct);
        var rows = new StringBuilder();
        foreach (var c in campaigns)
        {
            var candidates = (await hiring.ListCandidatesAsync(manager, c.Id, ct)).Count;
            rows.Append($"<tr data-campaign=\"{E(c.Id)}\"><td><a href=\"{E(CampaignPath(c.Id))}\">{E(c.Name)}</a></td>");
            rows.Append($"<td>{E(CustomerName(personas, c.PersonaId))}</td><td>{E(c.Difficulty)}</td><td class=\"num\">{c.Seed}</td>");
            rows.Append($"<td class=\"num\">{c.MaxAttempts}</td><td>{Closes(c, now)}</td><td>{(c.ShowResults ? "yes" : "no")}</td>");
            rows.Append($"<td class=\"num candidates\">{candidates}</td></tr>");
        }
        var list = campaigns.Count == 0
            ? "<p class=\"empty\" id=\"campaigns\">No campaigns yet. Make the first one below: pick the customer every candidate will meet.</p>"
            : "<table class=\"calls\" id=\"campaigns\"><thead><tr><th>Campaign</th><th>Customer</th><th>Level</th><th class=\"num\">Seed</th>" +
              "<th class=\"num\">Attempts each</th><th>Closes</th><th>Candidates see results</th><th class=\"num\">Candidates</th></tr></thead>" +
              $"<tbody>{rows}</tbody></table>";

        var form = entered ?? new CampaignForm("", "", "", "", "1", DateOnly.FromDateTime(now.UtcDateTime.AddDays(14)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), false);
        var catalog = personas.All.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToArray();
        var personaOptions = string.Concat(catalog.Select(p =>
            $"<option value=\"{E(p.Id)}\"{(p.Id == form.Persona ? " selected" : "")}>{E(p.Name)}</option>"));
        // Levels of every customer in the catalog; one a customer lacks is refused with the levels it has.
        var levels = catalog.SelectMany(p => p.DifficultyNames()).Distinct(StringComparer.Ordinal).ToArray();
        var chosenLevel = form.Difficulty.Length > 0 ? form.Difficulty : levels.Contains("standard") ? "standard" : levels.FirstOrDefault() ?? "";
        var levelOptions = string.Concat(levels.Select(l => $"<option value=\"{E(l)}\"{(l == chosenLevel ? " selected" : "")}>{E(l)}</option>"));
        var body = $"""
            <h1>Hiring campaigns</h1>
            <p class="lead">Every candidate of a campaign meets the same customer at the same level, with the same seed and rubric, so their scores compare fairly.</p>
            {(error is null ? "" : $"<p class=\"alert\" role=\"alert\" id=\"campaign-error\">{E(error)}</p>")}
            <section class="card">
              <h2>Your campaigns</h2>
              {list}
            </section>
            <section class="card">
              <h2>New campaign</h2>
              <form method="post" action="/campaigns" id="campaign-form" class="campaign-form">
                {AntiforgeryInput(http)}
                <label class="wide">Name <input name="name" required maxlength="{HiringService.MaxNameLength}" value="{E(form.Name)}" placeholder="Support agents, spring intake"></label>
                <label>Customer <select name="persona" required>{personaOptions}</select></label>
                <label>Level <select name="difficulty">{levelOptions}</select></label>
                <label>Seed <input name="seed" inputmode="numeric" value="{E(form.Seed)}" placeholder="random"></label>
                <label>Attempts per candidate <input name="max_attempts" type="number" min="1" max="{HiringService.MaxAttemptsLimit}" step="1" required value="{E(form.MaxAttempts)}"></label>
                <label>Open until (end of day, UTC) <input name="closes_on" type="date" required value="{E(form.ClosesOn)}"></label>
                <label class="check"><input type="checkbox" name="show_results" value="on"{(form.ShowResults ? " checked" : "")}> Candidates see their own score and debrief</label>
                <button type="submit" class="primary">Create campaign</button>
              </form>
              <p class="aside">The seed fixes the customer's choices, so every candidate hears the same call; leave it empty for a random one. The rubric is the one this service scores with now; if it changes, the campaign's invites stop so that no unfair attempt is added.</p>
            </section>
            """;
        return Page(http, "Hiring campaigns", body, status);
    }

    private static async Task<IResult> ShowAsync(string id, HttpContext http, HiringService hiring, PersonaCatalog personas, Rubric rubric, TimeProvider time)
    {
        if (Manager(http) is not { } manager)
        {
            return NotFound(http, "campaign");
        }
        return await CampaignPageAsync(http, hiring, personas, rubric, time, manager, id, StatusCodes.Status200OK);
    }

    private static async Task<IResult> InviteAsync(string id, HttpContext http, HiringService hiring, PersonaCatalog personas, Rubric rubric, TimeProvider time)
    {
        if (Manager(http) is not { } manager)
        {
            return NotFound(http, "campaign");
        }
        if (await PageForms.ReadValidAsync(http) is not { } form)
        {
            return PageForms.Expired(http);
        }
        var name = form["candidate"].ToString();
        try
        {
            var campaign = await hiring.GetCampaignAsync(manager, id, http.RequestAborted);
            var invite = await hiring.InviteAsync(manager, id, name, http.RequestAborted);
            var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{CampaignEndpoints.InvitePath(invite.Token)}";
            return InviteShown(http, campaign, invite.Candidate, url, personas);
        }
        catch (HiringException e) when (e.Kind == RefusalKind.NotFound)
        {
            return NotFound(http, "campaign");
        }
        catch (HiringException e) when (e.Kind == RefusalKind.BadInput)
        {
            return await CampaignPageAsync(http, hiring, personas, rubric, time, manager, id, StatusCodes.Status400BadRequest, error: e.Message, candidateName: name);
        }
    }

    /// <summary>The invite link, shown this once (not cached; SimCaller keeps only its hash).</summary>
    private static IResult InviteShown(HttpContext http, Campaign campaign, Candidate candidate, string url, PersonaCatalog personas)
    {
        var body = $"""
            <section class="card invite-shown">
              <h1>Invite for {E(candidate.Name)}</h1>
              <p>Send this link to {E(candidate.Name)}. It opens their practice call with {E(CustomerName(personas, campaign.PersonaId))} ({E(campaign.Difficulty)}); they need no account.
                 They may start {Plural(campaign.MaxAttempts, "call")} until {E(When(campaign.ExpiresAt))}.</p>
              <div class="invite-link">
                <input id="invite-url" readonly value="{E(url)}" aria-label="Invite link">
                <button type="button" id="copy-invite" class="primary hidden">Copy link</button>
              </div>
              <p class="aside">This link is shown only now: SimCaller keeps only a hash of it. If it gets lost before they play, invite them again and delete the unused entry.</p>
              <p><a class="button" href="{E(CampaignPath(campaign.Id))}" id="back-to-campaign">Back to the campaign</a></p>
            </section>
            <script src="/js/campaigns.js"></script>
            """;
        return Page(http, "Invite link", body, noStore: true);
    }

    private static async Task<IResult> DeleteCandidateAsync(string id, string candidateId, HttpContext http, HiringService hiring, PersonaCatalog personas, Rubric rubric, TimeProvider time)
    {
        if (Manager(http) is not { } manager)
        {
            return NotFound(http, "campaign");
        }
        if (await PageForms.ReadValidAsync(http) is null)
        {
            return PageForms.Expired(http);
        }
        try
        {
            // Only a candidate of this campaign: the page it was posted from.
            var candidate = (await hiring.ListCandidatesAsync(manager, id, http.RequestAborted)).FirstOrDefault(c => c.Id == candidateId);
            if (candidate is null)
            {
                return NotFound(http, "candidate");
            }
            var sessions = await hiring.DeleteCandidateAsync(manager, candidate.Id, http.RequestAborted);
            return await CampaignPageAsync(http, hiring, personas, rubric, time, manager, id, StatusCodes.Status200OK,
                notice: $"{candidate.Name} is deleted, with {Plural(sessions, "call")}.");
        }
        catch (HiringException e) when (e.Kind == RefusalKind.NotFound)
        {
            return NotFound(http, "candidate");
        }
    }

    private static async Task<IResult> CampaignPageAsync(
        HttpContext http, HiringService hiring, PersonaCatalog personas, Rubric rubric, TimeProvider time, Caller manager, string id, int status,
        string? error = null, string? notice = null, string? candidateName = null)
    {
        var ct = http.RequestAborted;
        Campaign campaign;
        IReadOnlyList<Candidate> candidates;
        IReadOnlyList<ComparisonRow> rows;
        try
        {
            campaign = await hiring.GetCampaignAsync(manager, id, ct);
            candidates = await hiring.ListCandidatesAsync(manager, id, ct);
            rows = await hiring.CompareAsync(manager, id, ct: ct);
        }
        catch (HiringNotFoundException)
        {
            return NotFound(http, "campaign");
        }
        var now = time.GetUtcNow();
        var open = campaign.ExpiresAt > now;
        var sort = ComparisonOrder.From(http.Request.Query["sort"].ToString(), http.Request.Query["dir"].ToString(), rows);
        var invite = open
            ? $"""
              <form method="post" action="{E(CampaignPath(campaign.Id))}/invites" id="invite-form" class="inline">
                {AntiforgeryInput(http)}
                <label>Candidate (name or email) <input name="candidate" required maxlength="{HiringService.MaxNameLength}" value="{E(candidateName)}" placeholder="Ann Candidate"></label>
                <button type="submit" class="primary">Create invite link</button>
              </form>
              <p class="aside">Each candidate gets their own link, shown to you once. It needs no account and starts at most {Plural(campaign.MaxAttempts, "call")} until the campaign closes.</p>
              """
            : "<p class=\"empty\" id=\"invite-closed\">This campaign has closed: nobody more can be invited, and the links no longer start calls.</p>";
        var body = $"""
            <p class="back"><a href="/campaigns">&larr; All campaigns</a></p>
            <h1>{E(campaign.Name)}</h1>
            {(error is null ? "" : $"<p class=\"alert\" role=\"alert\" id=\"campaign-error\">{E(error)}</p>")}
            {(notice is null ? "" : $"<p class=\"notice\" role=\"status\" id=\"campaign-notice\">{E(notice)}</p>")}
            <section class="card">
              <h2>Conditions, the same for every candidate</h2>
              <dl class="conditions" id="conditions">
                <div><dt>Customer</dt><dd>{E(CustomerName(personas, campaign.PersonaId))}</dd></div>
                <div><dt>Level</dt><dd>{E(campaign.Difficulty)}</dd></div>
                <div><dt>Seed</dt><dd>{campaign.Seed}</dd></div>
                <div><dt>Rubric</dt><dd>{E(campaign.RubricId)}</dd></div>
                <div><dt>Attempts each</dt><dd>{campaign.MaxAttempts}</dd></div>
                <div><dt>Closes</dt><dd>{Closes(campaign, now)}</dd></div>
                <div><dt>Candidates see results</dt><dd>{(campaign.ShowResults ? "yes" : "no")}</dd></div>
              </dl>
            </section>
            <section class="card">
              <h2>Invite a candidate</h2>
              {invite}
            </section>
            <section class="card">
              <div class="section-head">
                <h2>Comparison</h2>
                <a class="button" id="export-csv" href="{E(CsvPath(campaign.Id, sort))}" download>Export CSV</a>
              </div>
              <p class="aside">Each candidate's best finished call, scored 0-100 overall and on each criterion of the rubric (the columns after "Best call"). Click a column to sort by it; candidates without a finished call stay at the end.</p>
              {ComparisonTable(campaign, rows, sort, rubric)}
            </section>
            <section class="card">
              <h2>Candidates</h2>
              {CandidatesTable(http, campaign, candidates, now)}
            </section>
            <script src="/js/campaigns.js"></script>
            """;
        // Wider than the other pages: the comparison has a column per rubric criterion.
        return Page(http, campaign.Name, body, status, mainClass: "wide");
    }

    private static string ComparisonTable(Campaign campaign, IReadOnlyList<ComparisonRow> rows, ComparisonOrder sort, Rubric rubric)
    {
        if (rows.Count == 0)
        {
            return "<p class=\"empty\" id=\"comparison\">No candidates yet. Invite one above.</p>";
        }
        var criteria = ComparisonOrder.Criteria(rows, rubric);
        string Header(string key, string label, bool number = false)
        {
            var current = sort.Key == key;
            var dir = current ? !sort.Descending : ComparisonOrder.StartsDescending(key);
            var href = $"{CampaignPath(campaign.Id)}?sort={Uri.EscapeDataString(key)}&dir={(dir ? "desc" : "asc")}#comparison";
            var ariaSort = current ? $" aria-sort=\"{(sort.Descending ? "descending" : "ascending")}\"" : "";
            var arrow = current ? $" <span class=\"arrow\" aria-hidden=\"true\">{(sort.Descending ? "&#9660;" : "&#9650;")}</span>" : "";
            return $"<th data-sort=\"{E(key)}\"{ariaSort}{(number ? " class=\"num\"" : "")}><a href=\"{E(href)}\">{E(label)}{arrow}</a></th>";
        }
        var head = new StringBuilder("<tr>");
        head.Append(Header("candidate", "Candidate")).Append(Header("attempts", "Attempts", true)).Append(Header("score", "Best score", true))
            .Append(Header("outcome", "Outcome")).Append(Header("first_empathy", "First empathy", true)).Append(Header("harmful_moves", "Harmful moves", true))
            .Append("<th>Best call</th>");
        // The rubric's criteria last: on a narrow screen they are what scrolls.
        foreach (var (criterionId, name) in criteria)
        {
            head.Append(Header(ComparisonOrder.CriterionKey(criterionId), name, true));
        }
        head.Append("</tr>");

        var body = new StringBuilder();
        foreach (var r in sort.Apply(rows))
        {
            var finished = r.BestScore is not null;
            body.Append($"<tr data-candidate=\"{E(r.CandidateId)}\"{(finished ? "" : " class=\"unfinished\"")}><td class=\"name\">{E(r.Candidate)}</td>");
            body.Append($"<td class=\"num attempts\">{r.Attempts} / {campaign.MaxAttempts}</td>");
            body.Append($"<td class=\"num score\">{(r.BestScore is { } score ? $"<span class=\"score-pill {Band(score)}\">{score}</span>" : Dash)}</td>");
            body.Append($"<td class=\"outcome-cell\">{(r.Outcome is { } outcome ? Outcome(outcome) : "<span class=\"muted\">no finished call</span>")}</td>");
            var empathy = !finished ? Dash
                : r.FirstEmpathySeconds is { } seconds ? $"{seconds.ToString("0.#", CultureInfo.InvariantCulture)} s"
                : "<span class=\"muted\">never</span>";
            body.Append($"<td class=\"num empathy\">{empathy}</td><td class=\"num harmful\">{(r.HarmfulMoves is { } harmful ? harmful.ToString(CultureInfo.InvariantCulture) : Dash)}</td>");
            body.Append($"<td>{(r.BestSessionId is { } session ? $"<a class=\"debrief\" href=\"/sessions/{E(Uri.EscapeDataString(session))}\">Debrief</a>" : "")}</td>");
            foreach (var (criterionId, _) in criteria)
            {
                body.Append($"<td class=\"num criterion\" data-criterion=\"{E(criterionId)}\">{(r.Criteria.TryGetValue(criterionId, out var s) ? s.ToString(CultureInfo.InvariantCulture) : Dash)}</td>");
            }
            body.Append("</tr>");
        }
        return $"<div class=\"table-scroll\"><table class=\"calls comparison\" id=\"comparison\" data-sort=\"{E(sort.Key)}\" data-dir=\"{(sort.Descending ? "desc" : "asc")}\">" +
               $"<thead>{head}</thead><tbody>{body}</tbody></table></div>";
    }

    private static string CandidatesTable(HttpContext http, Campaign campaign, IReadOnlyList<Candidate> candidates, DateTimeOffset now)
    {
        if (candidates.Count == 0)
        {
            return "<p class=\"empty\" id=\"candidates\">Nobody invited yet.</p>";
        }
        var rows = new StringBuilder();
        foreach (var c in candidates)
        {
            var left = campaign.MaxAttempts - c.AttemptsUsed;
            var state = campaign.ExpiresAt <= now ? "<span class=\"badge off\">closed</span>"
                : left <= 0 ? "<span class=\"badge warn\">attempts used up</span>"
                : $"<span class=\"badge on\">open, {Plural(left, "attempt")} left</span>";
            var action = $"{CampaignPath(campaign.Id)}/candidates/{Uri.EscapeDataString(c.Id)}/delete";
            rows.Append($"<tr data-candidate=\"{E(c.Id)}\"><td>{E(c.Name)}</td><td>{E(When(c.CreatedAt))}</td>");
            rows.Append($"<td class=\"num\">{c.AttemptsUsed} / {campaign.MaxAttempts}</td><td>{state}</td>");
            rows.Append($"<td class=\"actions\"><form method=\"post\" action=\"{E(action)}\" class=\"delete-candidate\" " +
                        $"data-confirm=\"{E($"Delete {c.Name} and all their calls? This cannot be undone.")}\">{AntiforgeryInput(http)}" +
                        "<button type=\"submit\" class=\"small danger\">Delete candidate and their calls</button></form></td></tr>");
        }
        return "<table class=\"calls\" id=\"candidates\"><thead><tr><th>Candidate</th><th>Invited</th><th class=\"num\">Attempts used</th><th>Invite</th><th></th></tr></thead>" +
               $"<tbody>{rows}</tbody></table>";
    }

    private const string Dash = "<span class=\"muted\">&ndash;</span>";

    private static string CampaignPath(string id) => "/campaigns/" + Uri.EscapeDataString(id);

    /// <summary>The API's CSV, in the page's order when the API sorts by that column too.</summary>
    private static string CsvPath(string id, ComparisonOrder sort) =>
        $"/api/campaigns/{Uri.EscapeDataString(id)}/comparison.csv" +
        (ComparisonOrder.ApiSorts.Contains(sort.Key) ? $"?sort={sort.Key}&order={(sort.Descending ? "desc" : "asc")}" : "");

    private static string CustomerName(PersonaCatalog personas, string personaId) => personas.Find(personaId)?.Name ?? personaId;

    private static string Closes(Campaign c, DateTimeOffset now) =>
        $"{E(When(c.ExpiresAt))}{(c.ExpiresAt <= now ? " <span class=\"badge off\">closed</span>" : "")}";

    private static string Outcome(string id) => CallOutcomeIds.TryParse(id, out var outcome)
        ? $"<span class=\"outcome {E(id)}\">{E(OutcomeName(outcome))}</span>"
        : $"<span class=\"outcome\">{E(id)}</span>";

    private static string Band(int score) => score >= 70 ? "good" : score >= 40 ? "fair" : "poor";

    private static string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";
}

/// <summary>
/// The comparison's order, from the page's ?sort=column&amp;dir=asc|desc: any column, unknown ones fall back to
/// the best score first. Candidates without a finished call stay at the end, and so does a missing value; ties
/// go by name.
/// </summary>
internal sealed record ComparisonOrder(string Key, bool Descending)
{
    private const string CriterionPrefix = "criterion:";

    /// <summary>The columns GET /api/campaigns/{id}/comparison.csv sorts by itself.</summary>
    public static readonly IReadOnlySet<string> ApiSorts = new HashSet<string>(StringComparer.Ordinal) { "score", "candidate", "first_empathy", "harmful_moves" };

    private static readonly IReadOnlySet<string> Fixed = new HashSet<string>(StringComparer.Ordinal) { "candidate", "attempts", "score", "outcome", "first_empathy", "harmful_moves" };

    public static string CriterionKey(string criterionId) => CriterionPrefix + criterionId;

    /// <summary>A column's first click: the best first (high scores, early empathy, few harmful moves), names A to Z.</summary>
    public static bool StartsDescending(string key) => key is "score" or "attempts" || key.StartsWith(CriterionPrefix, StringComparison.Ordinal);

    public static ComparisonOrder From(string? sort, string? dir, IReadOnlyList<ComparisonRow> rows)
    {
        var key = (sort ?? "").Trim();
        var known = Fixed.Contains(key)
            || key.StartsWith(CriterionPrefix, StringComparison.Ordinal) && rows.Any(r => r.Criteria.ContainsKey(key[CriterionPrefix.Length..]));
        if (!known)
        {
            return new ComparisonOrder("score", true);
        }
        var descending = (dir ?? "").Trim().ToLowerInvariant() switch
        {
            "asc" => false,
            "desc" => true,
            _ => StartsDescending(key),
        };
        return new ComparisonOrder(key, descending);
    }

    /// <summary>The criteria the rows were scored on, in the rubric's order, with their names.</summary>
    public static IReadOnlyList<(string Id, string Name)> Criteria(IReadOnlyList<ComparisonRow> rows, Rubric rubric)
    {
        var order = rubric.Criteria.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return rows.SelectMany(r => r.Criteria.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(id => order.GetValueOrDefault(id, int.MaxValue)).ThenBy(id => id, StringComparer.Ordinal)
            .Select(id => (id, rubric.Find(id)?.Name ?? id))
            .ToArray();
    }

    public IEnumerable<ComparisonRow> Apply(IEnumerable<ComparisonRow> rows)
    {
        var ordered = rows.OrderBy(r => r.BestScore is null).ThenBy(r => Value(r) is null);
        ordered = Descending ? ordered.ThenByDescending(Value, Comparer.Instance) : ordered.ThenBy(Value, Comparer.Instance);
        return ordered.ThenBy(r => r.Candidate, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.CandidateId, StringComparer.Ordinal);
    }

    /// <summary>The sorted column's value: a number or a text, null when the row has none.</summary>
    private object? Value(ComparisonRow r) => Key switch
    {
        "candidate" => r.Candidate,
        "attempts" => (double)r.Attempts,
        "score" => (double?)r.BestScore,
        "outcome" => r.Outcome is { } id && CallOutcomeIds.TryParse(id, out var outcome) ? PageLayout.OutcomeName(outcome) : r.Outcome,
        "first_empathy" => r.FirstEmpathySeconds,
        "harmful_moves" => (double?)r.HarmfulMoves,
        _ => r.Criteria.TryGetValue(Key[CriterionPrefix.Length..], out var score) ? (double)score : null,
    };

    private sealed class Comparer : IComparer<object?>
    {
        public static readonly Comparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (double a, double b) => a.CompareTo(b),
            (string a, string b) => StringComparer.OrdinalIgnoreCase.Compare(a, b),
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => 0,
        };
    }
}
