using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Tests.WebApi;
using SimCaller.Practice;
using SimCaller.Training;

using static SimCaller.Api.Tests.Web.PageClient;

namespace SimCaller.Api.Tests.Web;

/// <summary>/sessions and /assignments over HTTP: the filters and paging a trainer uses, who sees which calls, and the refusals.</summary>
public sealed partial class SessionsPagesHttpTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly SimCallerApp _app;

    public SessionsPagesHttpTests() => _app = new SimCallerApp(_database.Path, new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "1000" });

    public void Dispose()
    {
        _app.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task Filters_narrow_the_rows_and_the_csv_link_carries_the_same_filters()
    {
        await _app.AddUserAsync("trish@acme.test", Role.Trainer);
        var tess = await _app.AddUserAsync("tess@acme.test", Role.Trainee);
        var tom = await _app.AddUserAsync("tom@acme.test", Role.Trainee);
        var tessTraveler = await PlayAsync(tess, "stressed-traveler", "standard");
        var tessTravelerEasy = await PlayAsync(tess, "stressed-traveler", "easy");
        var tessPensioner = await PlayAsync(tess, "worried-pensioner", "standard");
        var tomTraveler = await PlayAsync(tom, "stressed-traveler", "standard");
        var tomOpen = await PlayAsync(tom, "abusive-caller", "standard", end: false);
        var trainer = await _app.SignedInBrowserAsync("trish@acme.test");

        var all = await trainer.GetAsync("/sessions");
        var allHtml = await all.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(new[] { tessTraveler, tessTravelerEasy, tessPensioner, tomTraveler, tomOpen }.Order(), Rows(allHtml).Order());
        Assert.Contains("data-total=\"5\"", allHtml);

        var filtered = await trainer.GetAsync("/sessions?trainee=tess%40acme.test&persona=stressed-traveler");
        var html = await filtered.Content.ReadAsStringAsync();
        Assert.Equal(new[] { tessTraveler, tessTravelerEasy }.Order(), Rows(html).Order());
        Assert.Contains("2 calls match these filters", html);
        // The form shows the filters in force, so the trainer sees why the list is short.
        Assert.Matches("<option value=\"stressed-traveler\" selected>", html);
        Assert.Contains("name=\"trainee\" list=\"trainee-emails\" value=\"tess@acme.test\"", html);

        Assert.Equal([tessTravelerEasy], Rows(await (await trainer.GetAsync("/sessions?trainee=tess%40acme.test&persona=stressed-traveler&difficulty=easy")).Content.ReadAsStringAsync()));
        Assert.Equal([tomOpen], Rows(await (await trainer.GetAsync("/sessions?outcome=in_progress")).Content.ReadAsStringAsync()));
        // A score filter leaves out calls without a score (not finished).
        Assert.DoesNotContain(tomOpen, Rows(await (await trainer.GetAsync("/sessions?min_score=0&max_score=100")).Content.ReadAsStringAsync()));
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var none = await (await trainer.GetAsync($"/sessions?from={tomorrow}")).Content.ReadAsStringAsync();
        Assert.Empty(Rows(none));
        Assert.Contains("No calls match these filters", none);

        // The export link is the API's CSV with the same filters, and it answers with those rows only.
        var export = WebUtility.HtmlDecode(ExportLink().Match(html).Groups[1].Value);
        Assert.StartsWith("/api/sessions.csv?", export);
        Assert.Contains("trainee=tess%40acme.test", export);
        Assert.Contains("persona=stressed-traveler", export);
        Assert.DoesNotContain("page", export);
        var csv = await trainer.GetAsync(export);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { tessTraveler, tessTravelerEasy }.Order(), lines.Skip(1).Select(l => l.Split(',')[0]).Order());
    }

    [Fact]
    public async Task A_bad_filter_gets_the_page_with_the_message_and_what_was_typed_with_status_400()
    {
        await _app.AddUserAsync("trish@acme.test", Role.Trainer);
        var tess = await _app.AddUserAsync("tess@acme.test", Role.Trainee);
        await PlayAsync(tess, "stressed-traveler", "standard");
        var trainer = await _app.SignedInBrowserAsync("trish@acme.test");

        var badDate = await trainer.GetAsync("/sessions?persona=stressed-traveler&from=last%20tuesday");
        var html = await badDate.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("from must be an ISO date like 2026-11-23", html);
        Assert.Contains("not &#x27;last tuesday&#x27;", html);
        // The refused value stays in its field (as text, which a browser does not empty), the good one too, and no rows.
        Assert.Contains("name=\"from\" type=\"text\" value=\"last tuesday\"", html);
        Assert.Matches("<option value=\"stressed-traveler\" selected>", html);
        Assert.Empty(Rows(html));

        var badScore = await trainer.GetAsync("/sessions?min_score=80&max_score=20");
        Assert.Equal(HttpStatusCode.BadRequest, badScore.StatusCode);
        Assert.Contains("min_score must not be above max_score", await badScore.Content.ReadAsStringAsync());
        var badOutcome = await trainer.GetAsync("/sessions?outcome=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        var outcomeHtml = await badOutcome.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, badOutcome.StatusCode);
        Assert.Contains("outcome must be one of", outcomeHtml);
        Assert.DoesNotContain("<script>alert", outcomeHtml);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; (not listed)", outcomeHtml);
        Assert.Equal(HttpStatusCode.BadRequest, (await trainer.GetAsync("/sessions?page=0")).StatusCode);
    }

    [Fact]
    public async Task Pages_go_forward_and_back_keeping_the_filters()
    {
        await _app.AddUserAsync("trish@acme.test", Role.Trainer);
        var tess = await _app.AddUserAsync("tess@acme.test", Role.Trainee);
        var calls = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            calls.Add(await PlayAsync(tess, "stressed-traveler", "standard"));
        }
        await PlayAsync(tess, "worried-pensioner", "standard");
        var trainer = await _app.SignedInBrowserAsync("trish@acme.test");

        var seen = new List<string>();
        var html = await (await trainer.GetAsync("/sessions?persona=stressed-traveler&page_size=2")).Content.ReadAsStringAsync();
        Assert.Contains("Page 1 of 3", html);
        Assert.DoesNotContain("rel=\"prev\"", html);
        seen.AddRange(Rows(html));
        for (var page = 2; page <= 3; page++)
        {
            var next = WebUtility.HtmlDecode(NextLink().Match(html).Groups[1].Value);
            Assert.Equal($"/sessions?persona=stressed-traveler&page_size=2&page={page}", next);
            html = await (await trainer.GetAsync(next)).Content.ReadAsStringAsync();
            Assert.Contains($"Page {page} of 3", html);
            seen.AddRange(Rows(html));
        }
        Assert.DoesNotContain("rel=\"next\"", html);
        Assert.Equal(calls.Order(), seen.Order());
        Assert.Equal("/sessions?persona=stressed-traveler&page_size=2&page=2", WebUtility.HtmlDecode(PreviousLink().Match(html).Groups[1].Value));

        var past = await (await trainer.GetAsync("/sessions?persona=stressed-traveler&page_size=2&page=9")).Content.ReadAsStringAsync();
        Assert.Empty(Rows(past));
        Assert.Contains("Page 9 is past the last page", past);
    }

    [Fact]
    public async Task A_trainee_sees_only_their_own_calls_and_nobody_sees_another_organisation_s()
    {
        await _app.AddUserAsync("trish@acme.test", Role.Trainer);
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        var tess = await _app.AddUserAsync("tess@acme.test", Role.Trainee);
        var tom = await _app.AddUserAsync("tom@acme.test", Role.Trainee);
        var otto = await _app.AddUserAsync("otto@globex.test", Role.Trainee, organisation: "Globex");
        var tessCall = await PlayAsync(tess, "stressed-traveler", "standard");
        var tomCall = await PlayAsync(tom, "stressed-traveler", "standard");
        var ottoCall = await PlayAsync(otto, "stressed-traveler", "standard");

        var trainee = await _app.SignedInBrowserAsync("tess@acme.test");
        var own = await (await trainee.GetAsync("/sessions")).Content.ReadAsStringAsync();
        Assert.Equal([tessCall], Rows(own));
        Assert.DoesNotContain("tom@acme.test", own);
        // Asking for a fellow trainee's calls does not widen a trainee's view.
        Assert.Empty(Rows(await (await trainee.GetAsync("/sessions?trainee=tom%40acme.test")).Content.ReadAsStringAsync()));

        foreach (var staff in new[] { "trish@acme.test", "hank@acme.test" })
        {
            var browser = await _app.SignedInBrowserAsync(staff);
            Assert.Equal(new[] { tessCall, tomCall }.Order(), Rows(await (await browser.GetAsync("/sessions")).Content.ReadAsStringAsync()).Order());
            var asked = await (await browser.GetAsync("/sessions?trainee=otto%40globex.test")).Content.ReadAsStringAsync();
            Assert.Empty(Rows(asked));
            Assert.DoesNotContain(ottoCall, asked);
            var csv = await (await browser.GetAsync("/api/sessions.csv?trainee=otto%40globex.test")).Content.ReadAsStringAsync();
            Assert.DoesNotContain(ottoCall, csv);
            // Another organisation's people are not offered in the trainee field either.
            Assert.DoesNotContain("otto@globex.test\"></option>", await (await browser.GetAsync("/sessions")).Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Trainees_and_hiring_managers_are_refused_the_assignments_page()
    {
        await _app.AddUserAsync("tess@acme.test", Role.Trainee);
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        var trish = await _app.AddUserAsync("trish@acme.test", Role.Trainer);
        foreach (var email in new[] { "tess@acme.test", "hank@acme.test" })
        {
            var browser = await _app.SignedInBrowserAsync(email);
            var page = await browser.GetAsync("/assignments");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.Contains("Not allowed", await page.Content.ReadAsStringAsync());
            var home = await (await browser.GetAsync("/")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("href=\"/assignments\"", home);
            // With the page's own token, the post is refused all the same.
            var posted = await PostFormAsync(browser, "/", "/assignments",
                ("persona", "stressed-traveler"), ("difficulty", "standard"), ("due", Future(3)), ("attempts", "1"), ("everyone", "on"));
            Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        }
        var trainer = await _app.SignedInBrowserAsync("trish@acme.test");
        Assert.Equal(HttpStatusCode.OK, (await trainer.GetAsync("/assignments")).StatusCode);
        Assert.Contains("href=\"/assignments\"", await (await trainer.GetAsync("/")).Content.ReadAsStringAsync());
        Assert.Empty(await _app.Services.GetRequiredService<AssignmentService>().ListAsync(Caller.Of(trish)));
    }

    [Fact]
    public async Task The_assignment_form_refuses_bad_input_keeping_what_was_typed_and_assigns_good_input()
    {
        var trish = Caller.Of(await _app.AddUserAsync("trish@acme.test", Role.Trainer));
        var tess = await _app.AddUserAsync("tess@acme.test", Role.Trainee);
        var tom = await _app.AddUserAsync("tom@acme.test", Role.Trainee);
        var otto = await _app.AddUserAsync("otto@globex.test", Role.Trainee, organisation: "Globex");
        var trainer = await _app.SignedInBrowserAsync("trish@acme.test");
        var form = await (await trainer.GetAsync("/assignments")).Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{tess.Id}\" data-email=\"tess@acme.test\"", form);
        Assert.DoesNotContain("otto@globex.test", form);

        // A level the customer does not have: the service's message, and the form as it was sent.
        var unknownLevel = await PostFormAsync(trainer, "/assignments", "/assignments",
            ("persona", "stressed-traveler"), ("difficulty", "nightmare"), ("due", Future(5)), ("attempts", "3"), ("trainees", tess.Id), ("group", "November starters"));
        var html = await unknownLevel.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, unknownLevel.StatusCode);
        Assert.Contains("id=\"assign-error\"", html);
        Assert.Contains("<option value=\"nightmare\" selected>nightmare (not listed)</option>", html);
        Assert.Contains("<option value=\"stressed-traveler\" selected>", html);
        Assert.Contains($"value=\"{Future(5)}\"", html);
        Assert.Contains("name=\"attempts\" type=\"number\" min=\"1\" max=\"100\" step=\"1\" required value=\"3\"", html);
        Assert.Contains($"value=\"{tess.Id}\" data-email=\"tess@acme.test\" checked", html);
        Assert.DoesNotContain($"value=\"{tom.Id}\" data-email=\"tom@acme.test\" checked", html);
        Assert.Contains("value=\"November starters\"", html);

        var pastDue = await PostFormAsync(trainer, "/assignments", "/assignments",
            ("persona", "stressed-traveler"), ("difficulty", "standard"), ("due", "2020-01-01"), ("attempts", "1"), ("trainees", tess.Id));
        Assert.Equal(HttpStatusCode.BadRequest, pastDue.StatusCode);
        Assert.Contains("The due date 2020-01-01 has passed", await pastDue.Content.ReadAsStringAsync());
        var badAttempts = await PostFormAsync(trainer, "/assignments", "/assignments",
            ("persona", "stressed-traveler"), ("difficulty", "standard"), ("due", Future(2)), ("attempts", "lots"), ("trainees", tess.Id));
        var badAttemptsHtml = await badAttempts.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, badAttempts.StatusCode);
        Assert.Contains("Attempts must be a whole number from 1 to 100, not &#x27;lots&#x27;", badAttemptsHtml);
        Assert.Contains("name=\"attempts\" type=\"text\"", badAttemptsHtml);
        var nobody = await PostFormAsync(trainer, "/assignments", "/assignments",
            ("persona", "stressed-traveler"), ("difficulty", "standard"), ("due", Future(2)), ("attempts", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Contains("Choose who should practise", await nobody.Content.ReadAsStringAsync());
        var stranger = await PostFormAsync(trainer, "/assignments", "/assignments",
            ("persona", "stressed-traveler"), ("difficulty", "standard"), ("due", Future(2)), ("attempts", "1"), ("trainees", otto.Id));
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("is not a trainee of your organisation", await stranger.Content.ReadAsStringAsync());
        var service = _app.Services.GetRequiredService<AssignmentService>();
        Assert.Empty(await service.ListAsync(trish));

        // Accepted: back to the page (a GET, so a reload sends nothing twice), with a notice and the completion rows.
        var made = await PostFormAsync(trainer, "/assignments", "/assignments",
            ("persona", "worried-pensioner"), ("difficulty", "standard"), ("due", Future(4)), ("attempts", "2"), ("trainees", tess.Id), ("trainees", tom.Id), ("group", "November starters"));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var after = await (await trainer.GetAsync(made.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"assign-notice\"", after);
        var assignment = Assert.Single(await service.ListAsync(trish));
        Assert.Equal(("worried-pensioner", "standard", 2, "November starters"), (assignment.Assignment.PersonaId, assignment.Assignment.Difficulty, assignment.Assignment.Attempts, assignment.Assignment.Group));
        Assert.Equal(new[] { "tess@acme.test", "tom@acme.test" }, assignment.Trainees.Select(t => t.Email).Order());
        Assert.Equal(new DateTimeOffset(DateOnly.ParseExact(Future(4), "yyyy-MM-dd").ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero), assignment.Assignment.DueAt);
        Assert.Contains($"data-assignment=\"{assignment.Assignment.Id}\" data-trainee=\"tess@acme.test\" data-status=\"due\"", after);
        Assert.Contains($"data-assignment=\"{assignment.Assignment.Id}\" data-trainee=\"tom@acme.test\" data-status=\"due\"", after);

        // The group again by its name alone: the same trainees.
        var again = await PostFormAsync(trainer, "/assignments", "/assignments",
            ("persona", "abusive-caller"), ("difficulty", "easy"), ("due", Future(6)), ("attempts", "1"), ("group", "november STARTERS"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var regrouped = (await service.ListAsync(trish)).Single(a => a.Assignment.PersonaId == "abusive-caller");
        Assert.Equal(new[] { "tess@acme.test", "tom@acme.test" }, regrouped.Trainees.Select(t => t.Email).Order());
        var unknownGroup = await PostFormAsync(trainer, "/assignments", "/assignments",
            ("persona", "abusive-caller"), ("difficulty", "easy"), ("due", Future(6)), ("attempts", "1"), ("group", "December starters"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownGroup.StatusCode);
        Assert.Contains("There is no group", await unknownGroup.Content.ReadAsStringAsync());
    }

    private static string Future(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A call by this account through the service the pages use, ended unless told otherwise.</summary>
    private async Task<string> PlayAsync(Account account, string persona, string difficulty, bool end = true)
    {
        var practice = _app.Services.GetRequiredService<PracticeService>();
        var started = await practice.StartAsync(new StartSessionRequest(persona, difficulty, 5, "web", account.Email,
            OrganisationId: account.OrganisationId, AccountId: account.Id));
        await practice.TakeTurnAsync(started.SessionId, new TraineeTurn("I'm sorry about that. Let me fix it for you right now."));
        if (end)
        {
            await practice.EndAsync(started.SessionId, EndReason.AgentHungUp);
        }
        return started.SessionId;
    }

    private static string[] Rows(string html) => SessionRow().Matches(html).Select(m => m.Groups[1].Value).ToArray();

    [GeneratedRegex("<tr data-session=\"([^\"]+)\"")]
    private static partial Regex SessionRow();

    [GeneratedRegex("id=\"export-csv\" href=\"([^\"]+)\"")]
    private static partial Regex ExportLink();

    [GeneratedRegex("rel=\"next\" id=\"next-page\" href=\"([^\"]+)\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("rel=\"prev\" id=\"previous-page\" href=\"([^\"]+)\"")]
    private static partial Regex PreviousLink();
}
