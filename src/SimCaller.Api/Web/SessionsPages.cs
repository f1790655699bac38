using System.Globalization;
using System.Text;
using SimCaller.Accounts;
using SimCaller.Api.Accounts;
using SimCaller.Api.Sessions;
using SimCaller.Core.Calls;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Practice;
using static SimCaller.Api.Web.PageLayout;

namespace SimCaller.Api.Web;

/// <summary>
/// GET /sessions: the calls the caller may see (trainers, admins and hiring managers their organisation's,
/// trainees their own, as <see cref="SessionAccess"/> decides), filtered and paged, each linked to its debrief,
/// with the same filters as a CSV export. The form is a GET whose fields are GET /api/sessions' query
/// parameters, read by the same <see cref="SessionFilters.Parse"/>: a filtered page is a URL to bookmark or
/// share, and the export link is that URL on /api/sessions.csv.
/// </summary>
internal static class SessionsPages
{
    /// <summary>The filters in the form, in the API's names. page and page_size are paging, not filters.</summary>
    private static readonly string[] Filters = ["trainee", "code", "persona", "difficulty", "outcome", "from", "to", "min_score", "max_score"];

    private static readonly int[] PageSizes = [SessionFilters.DefaultPageSize, 50, SessionFilters.MaxPageSize];

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/sessions", ListAsync).RequireAuthorization(WebAccess.AccountPolicy);

    private static async Task<IResult> ListAsync(HttpContext http, SessionAccess access, PersonaCatalog personas, IAccountStore accounts)
    {
        var caller = http.User.Caller()!;
        var ct = http.RequestAborted;
        var staff = caller.Role.SeesOrganisationSessions();
        // What was typed, as typed (a repeated parameter joined), so a refused value stays in its field.
        var typed = Filters.Append("page_size").ToDictionary(name => name, name => http.Request.Query[name].ToString().Trim(), StringComparer.Ordinal);
        var people = staff ? (await accounts.ListAccountsAsync(caller.OrganisationId, ct)).Select(a => a.Email).Order(StringComparer.Ordinal).ToArray() : [];
        var form = FilterForm(typed, staff, personas, people);
        var title = staff ? "Calls" : "Your calls";
        var intro = staff
            ? "Every call of your organisation, newest first. Filter, then open a call's debrief to read the transcript and review the score."
            : "Your practice calls, newest first. Open a call's debrief to see what worked and what to try next time.";

        var (query, error) = SessionFilters.Parse(http.Request.Query);
        if (query is null)
        {
            var refused = $"""
                <h1>{title}</h1>
                <p class="lead">{intro}</p>
                {form}
                <p class="alert" role="alert" id="filter-error">{E(error)} Correct it above and filter again.</p>
                """;
            return Page(http, title, refused, StatusCodes.Status400BadRequest);
        }

        var found = await access.QueryAsync(caller, query, ct);
        var pageNumber = query.Offset / query.Limit + 1;
        var pages = Math.Max(1, (found.Total + query.Limit - 1) / query.Limit);
        var filtered = Filters.Any(name => typed[name].Length > 0);
        var exportHref = "/api/sessions.csv" + QueryString(typed, Filters);
        string content;
        if (found.Total == 0)
        {
            content = filtered
                ? "<p class=\"empty\" id=\"no-calls\">No calls match these filters. Widen the dates or the score range, choose another customer or level, or <a href=\"/sessions\">clear the filters</a>.</p>"
                : staff
                    ? "<p class=\"empty\" id=\"no-calls\">Nobody in your organisation has practised yet. Calls appear here as soon as they start.</p>"
                    : "<p class=\"empty\" id=\"no-calls\">You have not practised yet. <a href=\"/practice\">Practise a call</a>: it appears here with its debrief.</p>";
        }
        else if (found.Sessions.Count == 0)
        {
            content = $"<p class=\"empty\" id=\"no-calls\">Page {pageNumber} is past the last page. <a href=\"{E(PageHref(typed, pages))}\">Go to page {pages}</a>.</p>";
        }
        else
        {
            content = Table(found.Sessions, staff, typed);
        }
        var count = found.Total == 1 ? "1 call" : $"{found.Total.ToString("N0", CultureInfo.InvariantCulture)} calls";
        var body = $"""
            <div class="page-head">
              <div>
                <h1>{title}</h1>
                <p class="lead">{intro}</p>
              </div>
              <a class="button" id="export-csv" href="{E(exportHref)}" download title="Every call that matches the filters, on all pages">Export CSV</a>
            </div>
            {form}
            <section class="card">
              <p class="result-count" id="result-count" data-total="{found.Total}">{count}{(filtered ? " match these filters" : "")}{(found.Total > query.Limit ? $", {found.Sessions.Count} on this page" : "")}.</p>
              {content}
              {Pager(typed, pageNumber, pages)}
            </section>
            """;
        return Page(http, title, body);
    }

    private static string FilterForm(IReadOnlyDictionary<string, string> typed, bool staff, PersonaCatalog personas, IReadOnlyList<string> people)
    {
        var customers = Select("persona", "Customer", typed["persona"], "Any customer",
            personas.All.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p => (p.Id, p.Name)));
        var levels = Select("difficulty", "Level", typed["difficulty"], "Any level",
            personas.All.SelectMany(p => p.DifficultyNames()).Distinct(StringComparer.OrdinalIgnoreCase).Select(l => (l, l)));
        var outcomes = Select("outcome", "Outcome", typed["outcome"], "Any outcome",
            Enum.GetValues<CallOutcome>().Select(o => (o.ToId(), OutcomeName(o))));
        var sizes = Select("page_size", "Rows per page", typed["page_size"], null,
            PageSizes.Select(s => (s.ToString(CultureInfo.InvariantCulture), s.ToString(CultureInfo.InvariantCulture))));
        var who = staff
            ? $"""
              <label>Trainee <input name="trainee" list="trainee-emails" value="{E(typed["trainee"])}" placeholder="email or phone number" autocomplete="off"></label>
              <datalist id="trainee-emails">{string.Concat(people.Select(p => $"<option value=\"{E(p)}\"></option>"))}</datalist>
              <label>Session code <input name="code" value="{E(typed["code"])}" inputmode="numeric" placeholder="12345678" autocomplete="off"></label>
              """
            // A trainee only ever sees their own calls; a trainee or code in the address still narrows, so it is kept.
            : string.Concat(new[] { "trainee", "code" }.Where(n => typed[n].Length > 0).Select(n => $"<input type=\"hidden\" name=\"{n}\" value=\"{E(typed[n])}\">"));
        return $"""
            <form method="get" action="/sessions" class="card filters" id="filters" role="search" aria-label="Filter calls">
              {who}
              {customers}
              {levels}
              {outcomes}
              <label>From {DateInput("from", typed["from"])}</label>
              <label>To (inclusive) {DateInput("to", typed["to"])}</label>
              <label>Score at least {ScoreInput("min_score", typed["min_score"])}</label>
              <label>Score at most {ScoreInput("max_score", typed["max_score"])}</label>
              {sizes}
              <div class="filter-actions">
                <button type="submit" class="primary">Filter</button>
                <a class="button" href="/sessions" id="clear-filters">Clear</a>
              </div>
            </form>
            """;
    }

    /// <summary>A select with "any" first; a value that is not among the options (an old link, a typo, a refused form) is kept as one.</summary>
    internal static string Select(string name, string label, string value, string? any, IEnumerable<(string Value, string Text)> options, bool required = false)
    {
        var html = new StringBuilder($"<label>{E(label)} <select name=\"{name}\"{(required ? " required" : "")}>");
        if (any is not null)
        {
            html.Append($"<option value=\"\">{E(any)}</option>");
        }
        var known = false;
        foreach (var (optionValue, text) in options)
        {
            var selected = string.Equals(optionValue, value, StringComparison.OrdinalIgnoreCase);
            known |= selected;
            html.Append($"<option value=\"{E(optionValue)}\"{(selected ? " selected" : "")}>{E(text)}</option>");
        }
        if (!known && value.Length > 0)
        {
            html.Append($"<option value=\"{E(value)}\" selected>{E(value)} (not listed)</option>");
        }
        return html.Append("</select></label>").ToString();
    }

    // A browser empties a date or number field whose value it cannot read: such a value is shown as text instead, so the
    // refused value stays visible next to the message.
    private static string DateInput(string name, string value) =>
        $"<input name=\"{name}\" type=\"{(value.Length == 0 || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? "date" : "text")}\" value=\"{E(value)}\" placeholder=\"2026-11-23\">";

    private static string ScoreInput(string name, string value) =>
        $"<input name=\"{name}\" type=\"{(value.Length == 0 || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "number" : "text")}\" min=\"0\" max=\"100\" step=\"any\" value=\"{E(value)}\" placeholder=\"0-100\">";

    private static string Table(IReadOnlyList<SessionInfo> sessions, bool staff, IReadOnlyDictionary<string, string> typed)
    {
        var rows = new StringBuilder();
        foreach (var s in sessions)
        {
            var debrief = s.IsOver
                ? $"<a href=\"/sessions/{E(Uri.EscapeDataString(s.SessionId))}\">Debrief</a>"
                : "<span class=\"muted\">not finished</span>";
            rows.Append($"<tr data-session=\"{E(s.SessionId)}\"><td class=\"when\">{E(When(s.StartedAt))}</td>");
            if (staff)
            {
                // The trainee's name narrows the list to their calls, keeping the other filters.
                var who = s.Trainee is { Length: > 0 } trainee
                    ? $"<a href=\"{E("/sessions" + QueryString(new Dictionary<string, string>(typed) { ["trainee"] = trainee, ["code"] = "" }, [.. Filters, "page_size"]))}\" title=\"Only this trainee's calls\">{E(trainee)}</a>"
                    : s.Code is { } code ? $"<span class=\"muted\">code</span> {E(code)}" : "<span class=\"muted\">&ndash;</span>";
                rows.Append($"<td class=\"trainee\">{who}</td>");
            }
            rows.Append($"<td class=\"customer\" data-persona=\"{E(s.PersonaId)}\">{E(s.PersonaName)}</td><td class=\"level\">{E(s.Difficulty)}</td>");
            rows.Append($"<td><span class=\"outcome {E(s.Outcome.ToId())}\">{E(OutcomeName(s.Outcome))}</span></td>");
            rows.Append($"<td class=\"num score\">{(s.Score is { } score ? Math.Round(score).ToString(CultureInfo.InvariantCulture) : "<span class=\"muted\">&ndash;</span>")}</td><td>{debrief}</td></tr>");
        }
        return $"<table class=\"calls\" id=\"sessions\"><thead><tr><th>Started</th>{(staff ? "<th>Trainee or code</th>" : "")}<th>Customer</th><th>Level</th><th>Outcome</th><th class=\"num\">Score</th><th></th></tr></thead><tbody>{rows}</tbody></table>";
    }

    private static string Pager(IReadOnlyDictionary<string, string> typed, int page, int pages)
    {
        // Past the last page the message above links back; one page needs no pager.
        if (pages <= 1 || page > pages)
        {
            return "";
        }
        var previous = page > 1
            ? $"<a class=\"button\" rel=\"prev\" id=\"previous-page\" href=\"{E(PageHref(typed, page - 1))}\">&larr; Previous</a>"
            : "<span class=\"button disabled\" aria-disabled=\"true\">&larr; Previous</span>";
        var next = page < pages
            ? $"<a class=\"button\" rel=\"next\" id=\"next-page\" href=\"{E(PageHref(typed, page + 1))}\">Next &rarr;</a>"
            : "<span class=\"button disabled\" aria-disabled=\"true\">Next &rarr;</span>";
        return $"<nav class=\"pager\" aria-label=\"Pages\">{previous}<span id=\"page-of\">Page {page} of {pages}</span>{next}</nav>";
    }

    private static string PageHref(IReadOnlyDictionary<string, string> typed, int page) =>
        "/sessions" + QueryString(new Dictionary<string, string>(typed) { ["page"] = page.ToString(CultureInfo.InvariantCulture) }, [.. Filters, "page_size", "page"]);

    /// <summary>The given parameters that have a value, escaped, in a fixed order (so equal filters make equal links).</summary>
    private static string QueryString(IReadOnlyDictionary<string, string> values, IEnumerable<string> names)
    {
        var parts = names.Where(n => values.TryGetValue(n, out var v) && v.Length > 0)
            .Select(n => $"{n}={Uri.EscapeDataString(values[n])}")
            .ToArray();
        return parts.Length == 0 ? "" : "?" + string.Join('&', parts);
    }
}
