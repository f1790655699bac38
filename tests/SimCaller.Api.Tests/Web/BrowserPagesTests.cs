using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SimCaller.Accounts;
using SimCaller.Api.Campaigns;
using SimCaller.Hiring;
using SimCaller.Persona.Loading;
using SimCaller.Api.Tests.WebApi;
using SimCaller.Practice;
using SimCaller.Training;
using Xunit.Abstractions;

using static SimCaller.Api.Tests.Web.BrowserSteps;

namespace SimCaller.Api.Tests.Web;

/// <summary>
/// The pages in a real browser (Debian's chromium), as the people who use them: an admin adds a trainee, the
/// trainee practises and finds the call at home, a candidate comes in with a code; and the refusals.
/// Set SIMCALLER_SCREENSHOTS to a directory to keep the README's screenshots from these runs.
/// </summary>
public sealed class BrowserPagesTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> Roomy = new() { ["RateLimiting:PermitLimit"] = "1000" };

    [SkippableFact]
    public async Task An_admin_adds_a_trainee_who_practises_in_the_browser_and_finds_the_call_and_progress_at_home()
    {
        await using var web = await BrowserApp.StartAsync(Roomy);
        await web.App.AddUserAsync("ada@acme.test", Role.Admin);

        // The admin, not signed in, is sent to the sign-in page and comes back where she was going.
        var admin = await web.NewPersonAsync();
        await admin.GotoAsync("/admin/users");
        Assert.Contains("/signin", admin.Url);
        await Shot(admin, "sign-in");
        await SignInAsync(admin, "ada@acme.test", ApiClient.Password);
        Assert.EndsWith("/admin/users", admin.Url);

        await admin.FillAsync("#invite-form input[name=email]", "tess@acme.test");
        await admin.SelectOptionAsync("#invite-form select[name=role]", "trainee");
        await admin.ClickAsync("#invite-form button[type=submit]");
        Assert.Equal("tess@acme.test", (await admin.InnerTextAsync("#invite-email")).Trim());
        var password = (await admin.InnerTextAsync("#temporary-password")).Trim();
        Assert.True(password.Length >= 12, password);
        await Shot(admin, "invited");
        await admin.GotoAsync("/admin/users");
        var row = admin.Locator("#users tr[data-email='tess@acme.test']");
        Assert.Contains("Trainee", await row.InnerTextAsync());
        Assert.Contains("active", await row.InnerTextAsync());
        await Shot(admin, "admin-users");

        // The trainee signs in with the password the admin passed on; nothing finished yet.
        var trainee = await web.NewPersonAsync();
        await SignInAsync(trainee, "tess@acme.test", password);
        Assert.True(await trainee.Locator("#no-progress").IsVisibleAsync());
        Assert.Equal(0, await trainee.Locator("nav a[href='/admin/users']").CountAsync());

        // Two earlier calls (through the same service the pages use), so the chart has a history.
        var tess = await web.App.Services.GetRequiredService<AccountService>().ListAsync(Caller.Of(await AdminAsync(web)));
        var tessAccount = tess.Single(a => a.Email == "tess@acme.test");
        foreach (var line in new[] { "Calm down, that is not my problem.", "I'm so sorry, I understand how stressful this must be. Let me rebook you on the first flight tomorrow." })
        {
            await PlayAsync(web, tessAccount, "stressed-traveler", "standard", line);
        }

        await trainee.ClickAsync("#practise-now");
        Assert.EndsWith("/practice", trainee.Url);
        await Shot(trainee, "choose-customer");
        await trainee.EvaluateAsync("() => { window.__samePage = true; }");
        var card = trainee.Locator(".persona[data-persona='stressed-traveler']");
        await card.Locator("select[name=difficulty]").SelectOptionAsync("standard");
        await card.Locator(".start-call").ClickAsync();
        await trainee.Locator("#call").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.False(await trainee.Locator("#chooser").IsVisibleAsync());
        Assert.Equal(1, await trainee.Locator("#transcript li").CountAsync());
        var angerAtStart = await AngerAsync(trainee);

        await SayAsync(trainee, "Calm down. That is not my problem, it is company policy.", expectedLines: 3);
        var angerAfterBlame = await AngerAsync(trainee);
        Assert.True(angerAfterBlame > angerAtStart, $"blame should raise the meter: {angerAtStart} -> {angerAfterBlame}");
        Assert.Equal($"width: {angerAfterBlame}%;", await trainee.Locator("#anger-fill").GetAttributeAsync("style"));

        // Hold, then come back with empathy and a concrete fix.
        await trainee.ClickAsync("#hold-button");
        Assert.True(await trainee.Locator("#hold-banner").IsVisibleAsync());
        await trainee.WaitForTimeoutAsync(1100);
        await SayAsync(trainee, "Thank you for holding. I'm so sorry, I understand how stressful this is before a wedding. I will rebook you on the first flight tomorrow morning.", expectedLines: 5);
        Assert.False(await trainee.Locator("#hold-banner").IsVisibleAsync());
        var angerAfterEmpathy = await AngerAsync(trainee);
        Assert.True(angerAfterEmpathy < angerAfterBlame, $"empathy and a fix should lower the meter: {angerAfterBlame} -> {angerAfterEmpathy}");
        Assert.True(await trainee.EvaluateAsync<bool>("() => window.__samePage === true"), "the page reloaded during the call");
        await Shot(trainee, "call");

        var sessionId = await trainee.Locator("#call").GetAttributeAsync("data-session-id");
        await trainee.ClickAsync("#hangup-button");
        await trainee.WaitForURLAsync("**/sessions/**");
        Assert.EndsWith($"/sessions/{sessionId}", trainee.Url);
        Assert.True(await trainee.Locator("#score").IsVisibleAsync());
        Assert.True(await trainee.Locator("#anger svg.chart").IsVisibleAsync());
        await Shot(trainee, "debrief", fullPage: false);

        await trainee.GotoAsync("/");
        var calls = trainee.Locator("#my-calls tbody tr");
        Assert.Equal(3, await calls.CountAsync());
        var latest = trainee.Locator($"#my-calls tr[data-session='{sessionId}']");
        Assert.Contains(CustomerName(web, "stressed-traveler"), await latest.InnerTextAsync());
        Assert.DoesNotContain("In progress", await latest.InnerTextAsync());
        Assert.Equal("3", await trainee.Locator("#progress").GetAttributeAsync("data-attempts"));
        var panels = trainee.Locator("#progress figure.progress-panel");
        Assert.True(await panels.CountAsync() >= 3, "the overall score and at least two criteria");
        Assert.Equal(3, await trainee.Locator("#progress figure[data-criterion='overall'] circle.point").CountAsync());
        Assert.True(await trainee.Locator("#progress figure[data-criterion='overall'] polyline.line").IsVisibleAsync());
        await Shot(trainee, "home");
        await latest.Locator("a", new LocatorLocatorOptions { HasText = "Debrief" }).ClickAsync();
        Assert.EndsWith($"/sessions/{sessionId}", trainee.Url);

        // The trainee is no admin: the users page says so (403), and a trainer of the organisation sees the call.
        var refused = await trainee.GotoAsync("/admin/users");
        Assert.Equal(403, refused!.Status);
        Assert.Contains("Not allowed", await trainee.InnerTextAsync("h1"));

        // Signing out ends the browser's session.
        await trainee.GotoAsync("/");
        await trainee.ClickAsync("header.top button:has-text('Sign out')");
        await trainee.GotoAsync($"/sessions/{sessionId}");
        Assert.Contains("/signin", trainee.Url);
    }

    [SkippableFact]
    public async Task A_candidate_starts_a_call_by_code_without_an_account_and_gets_the_debrief()
    {
        await using var web = await BrowserApp.StartAsync(Roomy);
        var code = await web.App.Services.GetRequiredService<PracticeService>().CreateCodeAsync("abusive-caller", null, 42, "candidates");

        var candidate = await web.NewPersonAsync();
        await candidate.GotoAsync("/code");
        await candidate.FillAsync("#code", "0000000");
        await candidate.ClickAsync("#code-form button[type=submit]");
        await candidate.Locator("#start-error").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains("not known", await candidate.InnerTextAsync("#start-error"));

        await candidate.FillAsync("#code", code.Code[..4] + " " + code.Code[4..]);
        await candidate.ClickAsync("#code-form button[type=submit]");
        await candidate.Locator("#call").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await SayAsync(candidate, "I hear how frustrated you are. Let me look into this for you right now.", expectedLines: 3);
        await Shot(candidate, "code-call");

        var session = await web.App.Services.GetRequiredService<PracticeService>().FindAsync((await candidate.Locator("#call").GetAttributeAsync("data-session-id"))!);
        Assert.Equal(("abusive-caller", 42, code.Code, (string?)null), (session!.PersonaId, session.Seed, session.Code, session.AccountId));
        Assert.Equal(3, session.TurnCount); // the opening line and one exchange

        await candidate.ClickAsync("#hangup-button");
        await candidate.WaitForURLAsync("**/debriefs/**");
        Assert.True(await candidate.Locator("#score").IsVisibleAsync());
    }

    [SkippableFact]
    public async Task A_candidate_opens_the_invite_link_plays_without_a_result_and_a_used_up_invite_says_why()
    {
        await using var web = await BrowserApp.StartAsync(Roomy);
        var manager = Caller.Of(await web.App.AddUserAsync("hank@acme.test", Role.Hiring));
        var hiring = web.App.Services.GetRequiredService<HiringService>();
        var campaign = await hiring.CreateCampaignAsync(manager, "Support agents", "stressed-traveler", "standard", 9, maxAttempts: 1,
            DateTimeOffset.UtcNow.AddDays(3), showResults: false);
        var invite = await hiring.InviteAsync(manager, campaign.Id, "Ann Candidate");

        var candidate = await web.NewPersonAsync();
        await candidate.GotoAsync(CampaignEndpoints.InvitePath(invite.Token));
        await candidate.ClickAsync("#invite-form button[type=submit]");
        await candidate.Locator("#call").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await SayAsync(candidate, "I'm so sorry, a cancelled flight the night before a wedding is awful.", expectedLines: 3);
        var sessionId = (await candidate.Locator("#call").GetAttributeAsync("data-session-id"))!;
        var session = await web.App.Services.GetRequiredService<PracticeService>().FindAsync(sessionId);
        Assert.Equal(("stressed-traveler", "standard", 9), (session!.PersonaId, session.Difficulty, session.Seed));

        // The campaign keeps results from candidates: the call ends with a thank-you, no score and no debrief link.
        await candidate.ClickAsync("#hangup-button");
        await candidate.Locator("#ended").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains("goes to the team that invited you", await candidate.InnerTextAsync("#ended"));
        Assert.False(await candidate.Locator("#debrief-link").IsVisibleAsync());
        Assert.Contains("/invite/", candidate.Url);

        // One attempt only: the same link now explains why it cannot start.
        var again = await web.NewPersonAsync();
        await again.GotoAsync(CampaignEndpoints.InvitePath(invite.Token));
        await again.ClickAsync("#invite-form button[type=submit]");
        await again.Locator("#start-error").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains("attempt", await again.InnerTextAsync("#start-error"));
        Assert.False(await again.Locator("#call").IsVisibleAsync());
    }

    [SkippableFact]
    public async Task Nobody_reaches_what_is_not_theirs()
    {
        await using var web = await BrowserApp.StartAsync(Roomy);
        var practice = web.App.Services.GetRequiredService<PracticeService>();
        var acmeTrainee = await web.App.AddUserAsync("tess@acme.test", Role.Trainee);
        await web.App.AddUserAsync("otto@other.test", Role.Trainer, organisation: "Other Org");
        var acmeCall = await PlayAsync(web, acmeTrainee, "stressed-traveler", "standard", "I understand, let me help you with that.");

        // No sign-in: every page but sign-in and code entry sends the browser to sign in.
        var stranger = await web.NewPersonAsync();
        foreach (var path in new[] { "/", "/practice", "/admin/users", $"/sessions/{acmeCall}" })
        {
            await stranger.GotoAsync(path);
            Assert.Contains("/signin", stranger.Url);
        }

        // A trainer of another organisation: the session is not there for them, and it is not in their lists.
        var otto = await web.NewPersonAsync();
        await SignInAsync(otto, "otto@other.test", ApiClient.Password);
        var response = await otto.GotoAsync($"/sessions/{acmeCall}");
        Assert.Equal(404, response!.Status);
        Assert.DoesNotContain(CustomerName(web, "stressed-traveler"), await otto.ContentAsync());
        await otto.GotoAsync("/");
        Assert.Equal(0, await otto.Locator($"tr[data-session='{acmeCall}']").CountAsync());
        var forbidden = await otto.GotoAsync("/admin/users");
        Assert.Equal(403, forbidden!.Status);

        // A wrong password keeps the page and says the one message for every failure.
        var guesser = await web.NewPersonAsync();
        await guesser.GotoAsync("/signin");
        await guesser.FillAsync("input[name=email]", "tess@acme.test");
        await guesser.FillAsync("input[name=password]", "not the password");
        await guesser.ClickAsync("form button[type=submit]");
        Assert.Contains("Wrong email or password", await guesser.InnerTextAsync("#signin-error"));

        // Two candidates by code: the second one's call token does not continue the first one's call.
        var code = await practice.CreateCodeAsync("stressed-traveler", null, 3, null);
        var first = await web.NewPersonAsync();
        await first.GotoAsync("/code");
        await first.FillAsync("#code", code.Code);
        await first.ClickAsync("#code-form button[type=submit]");
        await first.Locator("#call").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var firstCall = await first.Locator("#call").GetAttributeAsync("data-session-id");
        var second = await web.NewPersonAsync();
        await second.GotoAsync("/code");
        var statuses = await second.EvaluateAsync<int[]>("""
            async ([code, victim]) => {
              const started = await fetch('/api/calls', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
              const token = (await started.json()).call_token;
              const asOther = { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token };
              const turn = await fetch(`/api/calls/${victim}/turns`, { method: 'POST', headers: asOther, body: JSON.stringify({ text: 'hijack' }) });
              const end = await fetch(`/api/calls/${victim}/end`, { method: 'POST', headers: asOther });
              const bare = await fetch(`/api/calls/${victim}/turns`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'hijack' }) });
              return [started.status, turn.status, end.status, bare.status];
            }
            """, new[] { code.Code, firstCall });
        Assert.Equal([201, 404, 404, 401], statuses);
        var untouched = await practice.FindAsync(firstCall!);
        Assert.Equal((1, false), (untouched!.TurnCount, untouched.IsOver)); // the opening line alone
        // The first candidate carries on undisturbed.
        await SayAsync(first, "I'm sorry about the cancellation. Can you give me your booking reference?", expectedLines: 3);
    }

    [SkippableFact]
    public async Task Guessing_codes_in_the_browser_is_rate_limited_with_a_message()
    {
        await using var web = await BrowserApp.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:PermitLimit"] = "3",
            ["RateLimiting:WindowSeconds"] = "300",
        });
        var guesser = await web.NewPersonAsync();
        await guesser.GotoAsync("/code");
        var statuses = new List<int>();
        guesser.Response += (_, response) =>
        {
            if (response.Url.EndsWith("/api/calls", StringComparison.Ordinal)) lock (statuses) statuses.Add(response.Status);
        };
        for (var guess = 0; guess < 4; guess++)
        {
            await guesser.FillAsync("#code", $"1234567{guess}");
            var answer = guesser.WaitForResponseAsync(r => r.Url.EndsWith("/api/calls", StringComparison.Ordinal));
            await guesser.ClickAsync("#code-form button[type=submit]");
            await answer;
        }
        await guesser.Locator("#start-error:has-text('Too many attempts')").WaitForAsync();
        Assert.Equal([404, 404, 404, 429], statuses);
        Assert.Matches(@"Wait \d+ (seconds|minutes)", await guesser.InnerTextAsync("#start-error"));
        await Shot(guesser, "rate-limited");

        // Signing in from the same page-less form is limited on its own counter, and answered as a page.
        var signIn = await web.NewPersonAsync();
        IResponse? last = null;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await signIn.GotoAsync("/signin");
            await signIn.FillAsync("input[name=email]", "nobody@acme.test");
            await signIn.FillAsync("input[name=password]", "wrong password");
            last = await signIn.RunAndWaitForResponseAsync(
                () => signIn.ClickAsync("form button[type=submit]"),
                response => response.Request.Method == "POST" && response.Url.EndsWith("/signin", StringComparison.Ordinal));
        }
        Assert.Equal(429, last!.Status);
        Assert.NotNull(await last.HeaderValueAsync("retry-after"));
        Assert.Contains("Too many attempts", await signIn.InnerTextAsync("h1"));
    }

    [SkippableFact]
    public async Task A_trainee_sees_an_assignment_due_at_home_starts_it_from_there_and_the_attempt_counts()
    {
        await using var web = await BrowserApp.StartAsync(Roomy);
        var trainer = await web.App.AddUserAsync("tom@acme.test", Role.Trainer);
        var tess = await web.App.AddUserAsync("tess@acme.test", Role.Trainee);
        var due = DateTimeOffset.UtcNow.AddDays(3);
        var assigned = await web.App.Services.GetRequiredService<AssignmentService>()
            .CreateAsync(Caller.Of(trainer), "stressed-traveler", "standard", due, 2, [tess.Id], null);

        var trainee = await web.NewPersonAsync();
        await SignInAsync(trainee, "tess@acme.test", ApiClient.Password);
        var row = trainee.Locator($"#due-assignments tr[data-assignment='{assigned.Assignment.Id}']");
        var text = await row.InnerTextAsync();
        Assert.Contains(CustomerName(web, "stressed-traveler"), text);
        Assert.Contains("standard", text);
        Assert.Contains(due.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), text);
        Assert.Equal("0 / 2", (await row.Locator("td.attempts").InnerTextAsync()).Trim());
        Assert.Equal("due", await row.GetAttributeAsync("data-status"));
        await Shot(trainee, "home-due");

        // Start opens the call with that customer at the assigned level, without choosing again.
        await row.Locator("a.start-assignment").ClickAsync();
        await trainee.Locator("#call").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.EndsWith("/practice", trainee.Url); // a reload offers the chooser, it does not start another call
        Assert.Equal(CustomerName(web, "stressed-traveler"), (await trainee.InnerTextAsync("#customer-name")).Trim());
        await SayAsync(trainee, "I'm so sorry about the cancellation. I will rebook you on the first flight tomorrow.", expectedLines: 3);
        var sessionId = await trainee.Locator("#call").GetAttributeAsync("data-session-id");
        var session = await web.App.Services.GetRequiredService<PracticeService>().FindAsync(sessionId!);
        Assert.Equal(("stressed-traveler", "standard"), (session!.PersonaId, session.Difficulty));
        await trainee.ClickAsync("#hangup-button");
        await trainee.WaitForURLAsync("**/sessions/**");

        await trainee.GotoAsync("/");
        Assert.Equal("1 / 2", (await row.Locator("td.attempts").InnerTextAsync()).Trim());
        Assert.Matches(@"^\d+$", (await row.Locator("td.best").InnerTextAsync()).Trim());
        Assert.Equal("due", await row.GetAttributeAsync("data-status"));

        // The trainer's home shows the same progress in the completion table.
        var staff = await web.NewPersonAsync();
        await SignInAsync(staff, "tom@acme.test", ApiClient.Password);
        var completion = staff.Locator($"#completion tr[data-assignment='{assigned.Assignment.Id}'][data-trainee='tess@acme.test']");
        Assert.Equal("1 / 2", (await completion.Locator("td.attempts").InnerTextAsync()).Trim());
        Assert.Equal((await row.Locator("td.best").InnerTextAsync()).Trim(), (await completion.Locator("td.latest").InnerTextAsync()).Trim());
        Assert.Equal(0, await staff.Locator("#due-assignments").CountAsync());
        await Shot(staff, "home-completion");
    }

    [SkippableFact]
    public async Task A_trainer_overrides_a_score_on_the_debrief_page_and_the_trainee_reads_the_reviewed_score_and_reason()
    {
        await using var web = await BrowserApp.StartAsync(Roomy);
        await web.App.AddUserAsync("tom@acme.test", Role.Trainer);
        var tess = await web.App.AddUserAsync("tess@acme.test", Role.Trainee);
        var sessionId = await PlayAsync(web, tess, "stressed-traveler", "standard", "Calm down, that is not my problem.");
        var machine = (await web.App.Services.GetRequiredService<PracticeService>().FindDebriefAsync(sessionId))!.Debrief;
        var criterion = machine.Criteria[0];
        var newScore = criterion.Score < 50 ? 95 : 5;

        // Before any review the trainee sees the machine's debrief alone, with no form.
        var trainee = await web.NewPersonAsync();
        await SignInAsync(trainee, "tess@acme.test", ApiClient.Password);
        await trainee.GotoAsync($"/sessions/{sessionId}");
        Assert.Equal(0, await trainee.Locator("#review").CountAsync());

        var trainer = await web.NewPersonAsync();
        await SignInAsync(trainer, "tom@acme.test", ApiClient.Password);
        await trainer.GotoAsync($"/sessions/{sessionId}");
        Assert.Equal(0, await trainer.Locator("#overrides").CountAsync());

        // A score out of range (past the browser's own check) is refused with the service's message, and nothing is stored.
        await trainer.SelectOptionAsync("#override-form select[name=criterion]", criterion.Id);
        await trainer.FillAsync("#override-form input[name=score]", "150");
        await trainer.FillAsync("#override-form input[name=reason]", "Too high on purpose");
        await trainer.EvalOnSelectorAsync("#override-form", "form => { form.noValidate = true; }");
        var refused = await trainer.RunAndWaitForResponseAsync(() => trainer.ClickAsync("#override-form button[type=submit]"),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/overrides", StringComparison.Ordinal));
        Assert.Equal(400, refused.Status);
        Assert.Contains("0 to 100", await trainer.InnerTextAsync("#review-error"));
        Assert.Equal("Too high on purpose", await trainer.InputValueAsync("#override-form input[name=reason]"));
        Assert.Equal(0, await trainer.Locator("#overrides").CountAsync());

        const string Reason = "She took ownership after the hold; that deserves more credit.";
        await trainer.GotoAsync($"/sessions/{sessionId}");
        await trainer.SelectOptionAsync("#override-form select[name=criterion]", criterion.Id);
        await trainer.FillAsync("#override-form input[name=score]", newScore.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await trainer.FillAsync("#override-form input[name=reason]", Reason);
        await trainer.ClickAsync("#override-form button[type=submit]");
        await trainer.Locator("#overrides li").WaitForAsync();
        Assert.EndsWith($"/sessions/{sessionId}", new Uri(trainer.Url).AbsolutePath);
        var reviewed = (await web.App.Services.GetRequiredService<ReviewService>().WithReviewAsync(machine)).ReviewedScore;
        Assert.NotNull(reviewed);
        await Shot(trainer, "review", fullPage: false);

        // The trainee reloads the same page: the reviewed score next to the machine's, and the trainer's reason.
        await trainee.GotoAsync($"/sessions/{sessionId}");
        Assert.Contains("Reviewed by your trainer", await trainee.InnerTextAsync("#review h2"));
        Assert.Equal(reviewed.ToString(), (await trainee.InnerTextAsync("#reviewed-score")).Trim());
        Assert.Equal(machine.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), (await trainee.InnerTextAsync("#machine-score")).Trim());
        var item = trainee.Locator($"#overrides li[data-criterion='{criterion.Id}']");
        var itemText = await item.InnerTextAsync();
        Assert.Contains(Reason, itemText);
        Assert.Contains($"{criterion.Score} → {newScore}", itemText);
        Assert.Contains("tom@acme.test", itemText);
        Assert.Equal(0, await trainee.Locator("#override-form").CountAsync());

        // A trainee's own post is refused and changes nothing: without the page's token, and with it.
        await trainee.GotoAsync("/");
        var statuses = await trainee.EvaluateAsync<int[]>("""
            async (id) => {
              const send = async (token) => (await fetch(`/sessions/${id}/overrides`, { method: 'POST',
                body: new URLSearchParams({ criterion: 'empathy', score: '100', reason: 'mine', __RequestVerificationToken: token }) })).status;
              return [await send(''), await send(document.querySelector('meta[name="csrf-token"]').content)];
            }
            """, sessionId);
        Assert.Equal([400, 403], statuses);
        Assert.Single((await web.App.Services.GetRequiredService<ReviewService>().WithReviewAsync(machine)).Overrides);
    }

    private static string CustomerName(BrowserApp web, string personaId) =>
        web.App.Services.GetRequiredService<PersonaCatalog>().All.Single(p => p.Id == personaId).Name;

    private static async Task<int> AngerAsync(IPage page) => int.Parse((await page.InnerTextAsync("#anger-value")).Trim());

    private static async Task<Account> AdminAsync(BrowserApp web) =>
        (await web.App.Services.GetRequiredService<AccountService>().SignInAsync("ada@acme.test", ApiClient.Password)).Account!;

    private Task Shot(IPage page, string name, bool fullPage = true) => ShotAsync(page, name, output, fullPage);
}
