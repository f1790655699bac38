using System.Globalization;
using System.Text;
using SimCaller.Accounts;
using SimCaller.Api.Accounts;
using SimCaller.Core.Calls;
using SimCaller.Evaluation.Debriefs;
using SimCaller.Evaluation.Rendering;
using SimCaller.Practice;
using SimCaller.Practice.Replay;
using SimCaller.Practice.Storage;
using SimCaller.Training;
using static SimCaller.Api.Web.PageLayout;

namespace SimCaller.Api.Web;

/// <summary>
/// GET / (home: my calls, my progress per rubric criterion; staff also see their organisation's calls) and
/// GET /sessions/{id} (the debrief of one call, for whoever may see that session, with the trainer's review;
/// trainers and admins add overrides with POST /sessions/{id}/overrides).
/// </summary>
internal static class HomePages
{
    /// <summary>The progress chart reads this many of the latest finished calls.</summary>
    private const int ProgressAttempts = 30;
    private const int ListedCalls = 50;

    // The debrief page is the shared renderer's document, which carries its own inline styles.
    private const string DebriefPolicy =
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", HomeAsync).RequireAuthorization(WebAccess.AccountPolicy);
        app.MapGet("/sessions/{id}", DebriefAsync).RequireAuthorization(WebAccess.AccountPolicy);
        app.MapPost("/sessions/{id}/overrides", OverrideAsync).RequireAuthorization(WebAccess.AccountPolicy);
    }

    private static async Task<IResult> HomeAsync(HttpContext http, SessionAccess access, PracticeService practice, AssignmentService assignments)
    {
        var caller = http.User.Caller()!;
        var ct = http.RequestAborted;
        var mine = await access.QueryAsync(caller, new SessionQuery(AccountId: caller.AccountId, Limit: ListedCalls), ct);
        var finished = await access.QueryAsync(caller, new SessionQuery(AccountId: caller.AccountId, MinScore: 0, Limit: ProgressAttempts), ct);
        var debriefs = new List<Debrief>();
        foreach (var session in finished.Sessions.Reverse())
        {
            if (await practice.FindDebriefAsync(session.SessionId, ct) is { } stored)
            {
                debriefs.Add(stored.Debrief);
            }
        }

        var due = caller.Role == Role.Trainee ? DueSection(await assignments.ListAsync(caller, ct)) : "";
        var body = new StringBuilder();
        body.Append($"""
            <section class="hero">
              <div>
                <h1>Hello{(caller.Role == Role.Trainee ? "" : $", {E(RoleName(caller.Role).ToLowerInvariant())}")}</h1>
                <p class="lead">Practise a call with an upset customer, then read your debrief: what calmed them, what made it worse, and what to try next time.</p>
              </div>
              <a class="button primary big" href="/practice" id="practise-now">Practise a call</a>
            </section>
            {due}
            <section class="card">
              <h2>Your progress</h2>
              <p class="aside">Your score on each part of the rubric, over your last {Math.Min(ProgressAttempts, debriefs.Count)} finished calls (hover a point for the call).</p>
              {ProgressChart.Render(debriefs)}
            </section>
            <section class="card">
              <h2>Your calls</h2>
              {Table(mine.Sessions, showTrainee: false, id: "my-calls", empty: "You have not practised yet. Start with a customer on the easy level.")}
            </section>
            """);
        if (caller.Role.SeesOrganisationSessions())
        {
            var organisation = await access.QueryAsync(caller, new SessionQuery(Limit: ListedCalls), ct);
            body.Append($"""
                <section class="card">
                  <h2>Your organisation's calls</h2>
                  <p class="aside">The latest {Math.Min(ListedCalls, organisation.Total)} of {organisation.Total}. <a href="/sessions" id="all-calls">See all calls, with filters and CSV export</a>.</p>
                  {Table(organisation.Sessions, showTrainee: true, id: "org-calls", empty: "Nobody in your organisation has practised yet.")}
                </section>
                """);
        }
        if (AssignmentService.MayAssign(caller.Role))
        {
            body.Append(CompletionSection(await assignments.ListAsync(caller, ct)));
        }
        return Page(http, "Home", body.ToString());
    }

    /// <summary>A trainee's assignments: open ones first, soonest due first, each with a way to start it.</summary>
    private static string DueSection(IReadOnlyList<AssignmentStatus> assignments)
    {
        if (assignments.Count == 0)
        {
            return "";
        }
        var rows = new StringBuilder();
        foreach (var a in assignments.OrderBy(a => a.Status == "complete").ThenBy(a => a.Assignment.DueAt))
        {
            var mine = a.Trainees.Single();
            var start = a.Status == "complete"
                ? ""
                : $"<a class=\"button primary start-assignment\" href=\"/practice?persona={E(Uri.EscapeDataString(a.Assignment.PersonaId))}&amp;difficulty={E(Uri.EscapeDataString(a.Assignment.Difficulty))}\">Start</a>";
            rows.Append($"<tr data-assignment=\"{E(a.Assignment.Id)}\" data-status=\"{E(a.Status)}\"><td>{E(a.PersonaName)}</td><td>{E(a.Assignment.Difficulty)}</td>");
            rows.Append($"<td>{E(When(a.Assignment.DueAt))}</td><td class=\"num attempts\">{mine.Done} / {a.Assignment.Attempts}</td>");
            rows.Append($"<td class=\"num best\">{Score(mine.BestScore)}</td><td><span class=\"status {E(a.Status)}\">{E(a.Status)}</span></td><td>{start}</td></tr>");
        }
        return $"""
            <section class="card" id="due">
              <h2>Due</h2>
              <p class="aside">Calls your trainer has set for you. Each finished call with that customer at that level counts as an attempt.</p>
              <table class="calls" id="due-assignments"><thead><tr><th>Customer</th><th>Level</th><th>Due</th><th class="num">Attempts</th><th class="num">Best</th><th>Status</th><th></th></tr></thead><tbody>{rows}</tbody></table>
            </section>
            """;
    }

    /// <summary>For trainers and admins: every trainee on every assignment of the organisation.</summary>
    private static string CompletionSection(IReadOnlyList<AssignmentStatus> assignments)
    {
        var rows = new StringBuilder();
        foreach (var a in assignments.OrderBy(a => a.Assignment.DueAt))
        {
            foreach (var t in a.Trainees.OrderBy(t => t.Email, StringComparer.OrdinalIgnoreCase))
            {
                var status = t.Complete ? "complete" : a.Status == "overdue" ? "overdue" : "due";
                rows.Append($"<tr data-assignment=\"{E(a.Assignment.Id)}\" data-trainee=\"{E(t.Email)}\"><td>{E(t.Email)}</td><td>{E(a.PersonaName)} <span class=\"muted\">({E(a.Assignment.Difficulty)})</span></td>");
                rows.Append($"<td>{E(When(a.Assignment.DueAt))}</td><td class=\"num attempts\">{t.Done} / {a.Assignment.Attempts}</td>");
                rows.Append($"<td class=\"num best\">{Score(t.BestScore)}</td><td class=\"num latest\">{Score(t.LatestScore)}</td><td><span class=\"status {status}\">{status}</span></td></tr>");
            }
        }
        var table = rows.Length == 0
            ? "<p class=\"empty\" id=\"completion\">No assignments yet. <a href=\"/assignments\">Assign practice</a>.</p>"
            : $"<table class=\"calls\" id=\"completion\"><thead><tr><th>Trainee</th><th>Customer</th><th>Due</th><th class=\"num\">Attempts</th><th class=\"num\">Best</th><th class=\"num\">Latest</th><th>Status</th></tr></thead><tbody>{rows}</tbody></table>";
        return $"""
            <section class="card">
              <h2>Assignments</h2>
              {table}
            </section>
            """;
    }

    private static string Score(double? score) =>
        score is { } s ? Math.Round(s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "<span class=\"muted\">&ndash;</span>";

    private static string Table(IReadOnlyList<SessionInfo> sessions, bool showTrainee, string id, string empty)
    {
        if (sessions.Count == 0)
        {
            return $"<p class=\"empty\" id=\"{id}\">{E(empty)}</p>";
        }
        var rows = new StringBuilder();
        foreach (var s in sessions)
        {
            var link = s.IsOver
                ? $"<a href=\"/sessions/{E(Uri.EscapeDataString(s.SessionId))}\">Debrief</a>"
                : "<span class=\"muted\">not finished</span>";
            rows.Append($"<tr data-session=\"{E(s.SessionId)}\"><td>{E(When(s.StartedAt))}</td>");
            if (showTrainee)
            {
                rows.Append($"<td>{E(s.Trainee ?? (s.Code is null ? "" : $"code {s.Code}"))}</td>");
            }
            rows.Append($"<td>{E(s.PersonaName)}</td><td>{E(s.Difficulty)}</td>");
            rows.Append($"<td><span class=\"outcome {E(s.Outcome.ToId())}\">{E(OutcomeName(s.Outcome))}</span></td>");
            rows.Append($"<td class=\"num\">{(s.Score is { } score ? Math.Round(score).ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}</td><td>{link}</td></tr>");
        }
        return $"<table class=\"calls\" id=\"{id}\"><thead><tr><th>Started</th>{(showTrainee ? "<th>Trainee</th>" : "")}<th>Customer</th><th>Level</th><th>Outcome</th><th class=\"num\">Score</th><th></th></tr></thead><tbody>{rows}</tbody></table>";
    }

    private static Task<IResult> DebriefAsync(string id, HttpContext http, SessionAccess access, PracticeService practice, CallReplayer replayer, ReviewService reviews) =>
        RenderDebriefAsync(id, http, access, practice, replayer, reviews, failed: null);

    /// <summary>
    /// The page's review form: the same review service as POST /api/sessions/{id}/overrides. Done, back to the
    /// page; refused, the page again with the message and what was typed, and nothing stored.
    /// </summary>
    private static async Task<IResult> OverrideAsync(string id, HttpContext http, SessionAccess access, PracticeService practice, CallReplayer replayer, ReviewService reviews)
    {
        if (await PageForms.ReadValidAsync(http) is not { } form)
        {
            return PageForms.Expired(http);
        }
        var caller = http.User.Caller()!;
        var entered = new ReviewForm(form["criterion"].ToString(), form["score"].ToString().Trim(), form["reason"].ToString(), "");
        int? score = int.TryParse(entered.Score, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
        if (score is null && entered.Score.Length > 0)
        {
            return await RenderDebriefAsync(id, http, access, practice, replayer, reviews,
                entered with { Error = $"score must be a whole number from 0 to 100, not '{entered.Score}'." });
        }
        try
        {
            await reviews.OverrideAsync(caller, id, entered.Criterion, score, entered.Reason, http.RequestAborted);
        }
        catch (TrainingNotFoundException)
        {
            return NotFound(http, "call");
        }
        catch (TrainingAccessDeniedException)
        {
            return Forbidden(http);
        }
        catch (TrainingException e)
        {
            return await RenderDebriefAsync(id, http, access, practice, replayer, reviews, entered with { Error = e.Message });
        }
        return Results.Redirect($"/sessions/{Uri.EscapeDataString(id)}#review");
    }

    private sealed record ReviewForm(string Criterion, string Score, string Reason, string Error);

    private static async Task<IResult> RenderDebriefAsync(
        string id, HttpContext http, SessionAccess access, PracticeService practice, CallReplayer replayer, ReviewService reviews, ReviewForm? failed)
    {
        var caller = http.User.Caller()!;
        var ct = http.RequestAborted;
        if (await access.FindVisibleAsync(caller, id, ct) is not { } session)
        {
            return NotFound(http, "call");
        }
        if (!session.IsOver)
        {
            return Message(http, StatusCodes.Status409Conflict, "Call not finished",
                "This call has not ended yet, so it has no debrief. Calls left open end on their own when the customer gives up.", "/", "Back to your home page");
        }
        if (await practice.FindDebriefAsync(session.SessionId, ct) is not { } stored)
        {
            return NotFound(http, "debrief for this call");
        }
        var debrief = await reviews.WithReviewAsync(stored.Debrief, ct);
        var document = DebriefHtml.Render(debrief, await replayer.WhatIfsAsync(stored.SessionId, stored.Debrief, ct));
        Secure(http, DebriefPolicy);
        var review = ReviewBox(http, debrief, ReviewService.MayReview(caller.Role), failed);
        return Results.Content(WithAppParts(document, review), "text/html; charset=utf-8", Encoding.UTF8,
            failed is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// The trainer's review above the machine's debrief: the reviewed score beside the machine's, each override
    /// with its reason, who and when; for trainers and admins, the form to add one. Nothing for an unreviewed
    /// call seen by a trainee.
    /// </summary>
    private static string ReviewBox(HttpContext http, Debrief debrief, bool mayReview, ReviewForm? failed)
    {
        if (debrief.Overrides.Count == 0 && !mayReview)
        {
            return "";
        }
        var names = debrief.Criteria.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var html = new StringBuilder("<section id=\"review\" aria-labelledby=\"review-title\" style=\"max-width:880px;margin:12px auto 0;padding:14px 18px;" +
            "font:15px/1.45 system-ui,sans-serif;background:#fffbea;border:2px solid #e0b429;border-radius:10px;box-sizing:border-box\">");
        if (debrief.Overrides.Count > 0)
        {
            html.Append("<h2 id=\"review-title\" style=\"margin:0 0 6px;font-size:18px\">Reviewed by your trainer</h2>");
            html.Append($"<p style=\"margin:0 0 8px\">Reviewed score <strong id=\"reviewed-score\" style=\"font-size:22px\">{debrief.ReviewedScore}</strong> / 100 " +
                        $"<span style=\"color:#5b6475\">(the machine's score: <span id=\"machine-score\">{debrief.Score}</span>)</span></p>");
            html.Append("<ul id=\"overrides\" style=\"margin:0;padding-left:20px\">");
            foreach (var o in debrief.Overrides)
            {
                html.Append($"<li data-criterion=\"{E(o.Criterion)}\" style=\"margin:4px 0\"><strong>{E(names.GetValueOrDefault(o.Criterion, o.Criterion))}</strong>: " +
                            $"<span class=\"change\">{o.OldScore} &rarr; {o.NewScore}</span>. <q class=\"reason\">{E(o.Reason)}</q> " +
                            $"<span style=\"color:#5b6475\">&mdash; {E(o.By)}, {E(When(o.At))}</span></li>");
            }
            html.Append("</ul>");
        }
        else
        {
            html.Append("<h2 id=\"review-title\" style=\"margin:0 0 6px;font-size:18px\">Review this call</h2>");
        }
        if (mayReview)
        {
            var options = string.Concat(debrief.Criteria.Select(c =>
                $"<option value=\"{E(c.Id)}\"{(failed?.Criterion == c.Id ? " selected" : "")}>{E(c.Name)} (machine {c.Score})</option>"));
            var field = "font:inherit;padding:5px 8px;border:1px solid #c5ccd8;border-radius:6px";
            html.Append($"<form id=\"override-form\" method=\"post\" action=\"/sessions/{E(Uri.EscapeDataString(debrief.SessionId))}/overrides\" " +
                        "style=\"margin:12px 0 0;padding-top:10px;border-top:1px solid #e9d9a0;display:flex;flex-wrap:wrap;gap:8px;align-items:end\">");
            html.Append(AntiforgeryInput(http));
            html.Append($"<label style=\"display:flex;flex-direction:column\">Criterion <select name=\"criterion\" required style=\"{field}\">{options}</select></label>");
            html.Append($"<label style=\"display:flex;flex-direction:column\">Score (0-100) <input name=\"score\" type=\"number\" min=\"0\" max=\"100\" step=\"1\" required value=\"{E(failed?.Score)}\" style=\"{field};width:90px\"></label>");
            html.Append($"<label style=\"display:flex;flex-direction:column;flex:1 1 280px\">Reason (the trainee reads it) <input name=\"reason\" required maxlength=\"{ReviewService.MaxReasonLength}\" value=\"{E(failed?.Reason)}\" style=\"{field}\"></label>");
            html.Append("<button type=\"submit\" style=\"font:inherit;font-weight:600;padding:6px 14px;border-radius:6px;border:1px solid #1f4fa8;background:#1f4fa8;color:#fff;cursor:pointer\">Override score</button>");
            html.Append("</form>");
        }
        if (failed is not null)
        {
            html.Append($"<p id=\"review-error\" role=\"alert\" style=\"margin:10px 0 0;padding:8px 12px;background:#fdf1f0;border:1px solid #f1c4bf;color:#8c1c22;border-radius:6px\">{E(failed.Error)}</p>");
        }
        html.Append("</section>");
        return html.ToString();
    }

    // The shared debrief document is standalone (it is also a file from the CLI); in the app it gets a way back home.
    private static string WithAppParts(string document, string review)
    {
        const string Body = "<body>";
        var at = document.IndexOf(Body, StringComparison.Ordinal);
        const string Bar = "<nav id=\"app-nav\" style=\"max-width:880px;margin:12px auto 0;padding:0 16px;font:14px system-ui,sans-serif\">" +
                           "<a href=\"/\" style=\"color:#1f4fa8\">&larr; Home</a> &nbsp; <a href=\"/practice\" style=\"color:#1f4fa8\">Practise another call</a></nav>";
        return at < 0 ? document : document.Insert(at + Body.Length, Bar + review);
    }
}
