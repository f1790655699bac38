using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SimCaller.Accounts;
using SimCaller.Api.Tests.WebApi;
using SimCaller.Persona.Loading;
using SimCaller.Practice;
using Xunit.Abstractions;

using static SimCaller.Api.Tests.Web.BrowserSteps;

namespace SimCaller.Api.Tests.Web;

/// <summary>
/// The trainer's console in a real browser (Debian's chromium), end to end: assign, practise, find, review.
/// Set SIMCALLER_SCREENSHOTS to a directory to keep the README's console screenshots from this run.
/// </summary>
public sealed class TrainerConsoleBrowserTests(ITestOutputHelper output)
{
    private const string Persona = "stressed-traveler";

    [SkippableFact]
    public async Task A_trainer_assigns_a_customer_the_trainee_practises_it_and_the_trainer_finds_and_reviews_the_call()
    {
        await using var web = await BrowserApp.StartAsync(new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "1000" });
        await web.App.AddUserAsync("trish@acme.test", Role.Trainer);
        var tess = await web.App.AddUserAsync("tess@acme.test", Role.Trainee);
        var tom = await web.App.AddUserAsync("tom@acme.test", Role.Trainee);
        await web.App.AddUserAsync("tina@acme.test", Role.Trainee);
        // Some history, so that the trainer has to filter to find the call: the same customer by someone else,
        // another customer by the same trainee.
        var others = new[]
        {
            await PlayAsync(web, tom, Persona, "standard", "Calm down, that is not my problem."),
            await PlayAsync(web, tom, "worried-pensioner", "easy", "I'm sorry to hear that. Let me look at your bill now."),
            await PlayAsync(web, tess, "abusive-caller", "standard", "I hear how frustrated you are. Let me look into this for you."),
            await PlayAsync(web, tess, Persona, "easy", "I'm so sorry about the flight. Let me rebook you on the first one tomorrow."),
        };
        var customer = web.App.Services.GetRequiredService<PersonaCatalog>().Find(Persona)!.Name;
        var due = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The trainer assigns the customer to Tess from the Assignments page.
        var trainer = await web.NewPersonAsync();
        await SignInAsync(trainer, "trish@acme.test");
        await trainer.ClickAsync("header.top nav a[href='/assignments']");
        await trainer.SelectOptionAsync("#assign-form select[name=persona]", Persona);
        await trainer.SelectOptionAsync("#assign-form select[name=difficulty]", "standard");
        await trainer.FillAsync("#assign-form input[name=due]", due);
        await trainer.FillAsync("#assign-form input[name=attempts]", "1");
        await trainer.CheckAsync($"#assign-form input[name=trainees][data-email='tess@acme.test']");
        await trainer.FillAsync("#assign-form input[name=group]", "November starters");
        await trainer.ClickAsync("#assign-form button[type=submit]");
        await trainer.Locator("#assign-notice").WaitForAsync();
        Assert.Contains(customer, await trainer.InnerTextAsync("#assign-notice"));
        var assigned = trainer.Locator("#completion tr[data-trainee='tess@acme.test']");
        Assert.Equal(1, await assigned.CountAsync());
        Assert.Equal("0 / 1", (await assigned.Locator("td.attempts").InnerTextAsync()).Trim());
        Assert.Equal("due", await assigned.GetAttributeAsync("data-status"));
        Assert.Equal(0, await trainer.Locator("#completion tr[data-trainee='tom@acme.test']").CountAsync());
        var assignmentId = await assigned.GetAttributeAsync("data-assignment");

        // Tess, in her own browser, finds it due at home and plays it to the end from there.
        var trainee = await web.NewPersonAsync();
        await SignInAsync(trainee, "tess@acme.test");
        var dueRow = trainee.Locator($"#due-assignments tr[data-assignment='{assignmentId}']");
        Assert.Contains(customer, await dueRow.InnerTextAsync());
        Assert.Contains(due, await dueRow.InnerTextAsync());
        await dueRow.Locator("a.start-assignment").ClickAsync();
        await trainee.Locator("#call").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Equal(customer, (await trainee.InnerTextAsync("#customer-name")).Trim());
        await SayAsync(trainee, "I'm so sorry, a cancelled flight the night before a wedding is awful. I understand.", expectedLines: 3);
        await SayAsync(trainee, "I will rebook you on the first flight tomorrow morning and send the confirmation right away.", expectedLines: 5);
        var sessionId = (await trainee.Locator("#call").GetAttributeAsync("data-session-id"))!;
        await trainee.ClickAsync("#hangup-button");
        await trainee.WaitForURLAsync("**/sessions/**");
        await trainee.GotoAsync("/");
        Assert.Equal("complete", await dueRow.GetAttributeAsync("data-status"));

        // The trainer finds the call among the organisation's: filtered by trainee and customer.
        await trainer.ClickAsync("header.top nav a[href='/sessions']");
        Assert.Equal(5, await trainer.Locator("#sessions tbody tr").CountAsync());
        await trainer.FillAsync("#filters input[name=trainee]", "tess@acme.test");
        await trainer.SelectOptionAsync("#filters select[name=persona]", Persona);
        await trainer.ClickAsync("#filters button[type=submit]");
        await trainer.WaitForURLAsync(url => url.Contains("persona=" + Persona, StringComparison.Ordinal));
        Assert.Contains("trainee=tess%40acme.test", trainer.Url);
        var rows = trainer.Locator("#sessions tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal([sessionId, others[3]], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.session)"));
        Assert.Equal("tess@acme.test", await trainer.InputValueAsync("#filters input[name=trainee]"));
        Assert.Contains("2 calls match these filters", await trainer.InnerTextAsync("#result-count"));
        var export = (await trainer.GetAttributeAsync("#export-csv", "href"))!;
        Assert.Contains("trainee=tess%40acme.test", export);
        Assert.Contains("persona=" + Persona, export);
        await Shot(trainer, "console-sessions");

        // Its debrief, where the trainer overrides a criterion with a reason.
        var found = trainer.Locator($"#sessions tr[data-session='{sessionId}']");
        Assert.Contains(customer, await found.InnerTextAsync());
        Assert.Contains("standard", await found.InnerTextAsync());
        await found.Locator("a", new LocatorLocatorOptions { HasText = "Debrief" }).ClickAsync();
        await trainer.WaitForURLAsync($"**/sessions/{sessionId}");
        var machine = (await web.App.Services.GetRequiredService<PracticeService>().FindDebriefAsync(sessionId))!.Debrief;
        var criterion = machine.Criteria[0];
        var newScore = criterion.Score < 50 ? 90 : 10;
        const string Reason = "Good apology, but the rebooking came before checking what she needed.";
        await trainer.SelectOptionAsync("#override-form select[name=criterion]", criterion.Id);
        await trainer.FillAsync("#override-form input[name=score]", newScore.ToString(CultureInfo.InvariantCulture));
        await trainer.FillAsync("#override-form input[name=reason]", Reason);
        await trainer.ClickAsync("#override-form button[type=submit]");
        await trainer.Locator($"#overrides li[data-criterion='{criterion.Id}']").WaitForAsync();

        // The completion table has moved on: done, with her score.
        await trainer.GotoAsync("/assignments");
        var done = trainer.Locator($"#completion tr[data-assignment='{assignmentId}'][data-trainee='tess@acme.test']");
        Assert.Equal("1 / 1", (await done.Locator("td.attempts").InnerTextAsync()).Trim());
        Assert.Equal("complete", await done.GetAttributeAsync("data-status"));
        Assert.Matches(@"^\d+$", (await done.Locator("td.latest").InnerTextAsync()).Trim());
        await Shot(trainer, "console-assignments");
        // Its Calls link lists the calls that counted: hers, that customer and level, since it was set.
        await done.Locator("a.calls-link").ClickAsync();
        await trainer.WaitForURLAsync("**/sessions?**");
        Assert.Equal([sessionId], await trainer.Locator("#sessions tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.session)"));

        // Tess opens the debrief again: the reviewed score beside the machine's, and the trainer's reason.
        await trainee.GotoAsync($"/sessions/{sessionId}");
        Assert.Contains("Reviewed by your trainer", await trainee.InnerTextAsync("#review h2"));
        Assert.Equal(machine.Score.ToString(CultureInfo.InvariantCulture), (await trainee.InnerTextAsync("#machine-score")).Trim());
        var reviewed = int.Parse((await trainee.InnerTextAsync("#reviewed-score")).Trim(), CultureInfo.InvariantCulture);
        Assert.True(newScore > criterion.Score ? reviewed > machine.Score : reviewed < machine.Score,
            $"overriding {criterion.Id} from {criterion.Score} to {newScore} should move the score from {machine.Score}, not to {reviewed}");
        var item = await trainee.InnerTextAsync($"#overrides li[data-criterion='{criterion.Id}']");
        Assert.Contains(Reason, item);
        Assert.Contains($"{criterion.Score} → {newScore}", item);
        Assert.Contains("trish@acme.test", item);

        // Her own calls page lists her calls only, whatever the address asks for.
        await trainee.GotoAsync("/sessions?trainee=tom%40acme.test");
        Assert.Equal(0, await trainee.Locator("#sessions tbody tr").CountAsync());
        await trainee.GotoAsync("/sessions");
        Assert.Equal(new[] { sessionId, others[2], others[3] }.Order(),
            (await trainee.Locator("#sessions tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.session)")).Order());
    }

    private Task Shot(IPage page, string name, bool fullPage = true) => ShotAsync(page, name, output, fullPage);
}
