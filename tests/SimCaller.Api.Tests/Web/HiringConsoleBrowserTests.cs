using Microsoft.Playwright;
using SimCaller.Accounts;
using SimCaller.Api.Tests.WebApi;
using Xunit.Abstractions;

using static SimCaller.Api.Tests.Web.BrowserSteps;

namespace SimCaller.Api.Tests.Web;

/// <summary>
/// The hiring console in a real browser (Debian's chromium), as the people who use it: a hiring manager makes a
/// campaign and invites two candidates, who play by their links; the manager compares and exports them; a
/// trainer of another organisation sees none of it. SIMCALLER_SCREENSHOTS keeps the README's screenshots.
/// </summary>
public sealed class HiringConsoleBrowserTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> Roomy = new() { ["RateLimiting:PermitLimit"] = "1000" };

    private static readonly string[] SkilfulCall =
    [
        "I'm so sorry your flight was cancelled, that sounds awful the night before a wedding.",
        "So you need to be in Denver before nine tomorrow morning for the wedding, is that right?",
        "I'll take care of this myself: I have booked you on the first flight tomorrow morning, the six oh five, with a confirmed seat.",
        "You will have the confirmation by email within five minutes, and I have added a meal voucher for tonight. Thank you for your patience.",
        "Is there anything else I can help you with today?",
    ];

    private static readonly string[] PoorCall = ["Calm down.", "That's not my problem, it's the airline policy."];

    [SkippableFact]
    public async Task A_hiring_manager_runs_a_campaign_two_candidates_play_by_invite_one_is_deleted_and_another_organisation_sees_none_of_it()
    {
        await using var web = await BrowserApp.StartAsync(Roomy);
        await web.App.AddUserAsync("hank@acme.test", Role.Hiring);
        await web.App.AddUserAsync("otto@other.test", Role.Trainer, organisation: "Other Org");

        // The manager makes a campaign in the browser: one attempt each.
        var manager = await PersonAsync(web);
        await SignInAsync(manager, "hank@acme.test");
        await manager.ClickAsync("header.top nav a[href='/campaigns']");
        Assert.EndsWith("/campaigns", manager.Url);
        await manager.FillAsync("#campaign-form input[name=name]", "Support agents, spring intake");
        await manager.SelectOptionAsync("#campaign-form select[name=persona]", "stressed-traveler");
        await manager.SelectOptionAsync("#campaign-form select[name=difficulty]", "standard");
        await manager.FillAsync("#campaign-form input[name=seed]", "7");
        await manager.FillAsync("#campaign-form input[name=max_attempts]", "1");
        await manager.FillAsync("#campaign-form input[name=closes_on]", DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"));
        await manager.ClickAsync("#campaign-form button[type=submit]");
        await manager.WaitForURLAsync("**/campaigns/*");
        var campaignPath = new Uri(manager.Url).AbsolutePath;
        var conditions = await manager.InnerTextAsync("#conditions");
        Assert.Contains("standard", conditions);
        Assert.Contains("7", conditions);

        // Two invites, each link shown once.
        var links = new Dictionary<string, string>();
        foreach (var name in new[] { "Ann Able", "Bob Blunt" })
        {
            await manager.FillAsync("#invite-form input[name=candidate]", name);
            await manager.ClickAsync("#invite-form button[type=submit]");
            Assert.Contains(name, await manager.InnerTextAsync("h1"));
            Assert.True(await manager.Locator("#copy-invite").IsVisibleAsync(), "the copy button shows when scripts run");
            links[name] = await manager.InputValueAsync("#invite-url");
            Assert.Contains("/invite/sci_", links[name]);
            await manager.ClickAsync("#back-to-campaign");
            Assert.DoesNotContain(links[name], await manager.ContentAsync());
        }

        // Each candidate in their own browser, without an account: one skilful call, one poor one.
        var ann = await PersonAsync(web);
        await PlayByInviteAsync(ann, links["Ann Able"], SkilfulCall);
        var bob = await PersonAsync(web);
        await PlayByInviteAsync(bob, links["Bob Blunt"], PoorCall);

        // Bob tries again: the link says his one attempt is used.
        var again = await PersonAsync(web);
        await again.GotoAsync(links["Bob Blunt"]);
        await again.ClickAsync("#invite-form button[type=submit]");
        await again.Locator("#start-error").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains("attempts of this invite have been used", await again.InnerTextAsync("#start-error"));
        Assert.False(await again.Locator("#call").IsVisibleAsync());

        // The manager compares them: by score, lowest first, then highest first.
        await manager.GotoAsync(campaignPath);
        await manager.ClickAsync("#comparison th[data-sort=score] a");
        Assert.Equal(["Bob Blunt", "Ann Able"], await NamesAsync(manager));
        await manager.ClickAsync("#comparison th[data-sort=score] a");
        Assert.Contains("sort=score&dir=desc", manager.Url);
        Assert.Equal(["Ann Able", "Bob Blunt"], await NamesAsync(manager));
        var scores = await ScoresAsync(manager);
        Assert.True(scores[0] > scores[1], $"the skilful call should score higher: {string.Join(", ", scores)}");
        Assert.Equal("descending", await manager.GetAttributeAsync("#comparison th[data-sort=score]", "aria-sort"));
        foreach (var row in await manager.Locator("#candidates tbody tr").AllAsync())
        {
            Assert.Contains("1 / 1", await row.InnerTextAsync());
            Assert.Contains("attempts used up", await row.InnerTextAsync());
        }
        // Wide enough for a column per rubric criterion (on a narrower screen those scroll).
        await manager.SetViewportSizeAsync(1440, 900);
        await Shot(manager, "console-comparison");
        await manager.SetViewportSizeAsync(1200, 900);

        // The CSV download has the same candidates, scores and order.
        var download = await manager.RunAndWaitForDownloadAsync(() => manager.ClickAsync("#export-csv"));
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var csv = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        Assert.Equal(3, csv.Length);
        var (nameColumn, best) = (Array.IndexOf(header, "candidate"), Array.IndexOf(header, "best_score"));
        Assert.True(nameColumn >= 0 && best >= 0, csv[0]);
        Assert.Contains("empathy", header);
        Assert.Equal(["Ann Able", "Bob Blunt"], csv.Skip(1).Select(line => line.Split(",")[nameColumn]));
        Assert.Equal(scores, csv.Skip(1).Select(line => int.Parse(line.Split(',')[best])));

        await manager.GotoAsync("/campaigns");
        var listed = manager.Locator("#campaigns tbody tr");
        Assert.Equal(1, await listed.CountAsync());
        Assert.Contains("Support agents, spring intake", await listed.InnerTextAsync());
        Assert.Equal("2", (await listed.Locator("td.candidates").InnerTextAsync()).Trim());
        await Shot(manager, "console-campaigns");

        // The manager deletes Bob with his call, after saying yes to the question; Ann stays.
        await manager.GotoAsync(campaignPath);
        string? asked = null;
        manager.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        var bobRow = manager.Locator("#candidates tbody tr", new PageLocatorOptions { HasText = "Bob Blunt" });
        await bobRow.Locator("form.delete-candidate button").ClickAsync();
        await manager.Locator("#campaign-notice").WaitForAsync();
        Assert.Contains("Delete Bob Blunt and all their calls?", asked);
        Assert.Contains("Bob Blunt is deleted, with 1 call.", await manager.InnerTextAsync("#campaign-notice"));
        Assert.Equal(["Ann Able"], await NamesAsync(manager));
        Assert.DoesNotContain("Bob Blunt", await manager.InnerTextAsync("#candidates"));

        // A trainer of another organisation: no campaigns, the campaign is not there, the CSV is refused.
        var otto = await PersonAsync(web);
        await SignInAsync(otto, "otto@other.test");
        Assert.Equal(0, await otto.Locator("header.top nav a[href='/campaigns']").CountAsync());
        var list = await otto.GotoAsync("/campaigns");
        Assert.Equal(403, list!.Status);
        Assert.DoesNotContain("spring intake", await otto.ContentAsync());
        var page = await otto.GotoAsync(campaignPath);
        Assert.Equal(404, page!.Status);
        var stranger = await otto.ContentAsync();
        Assert.DoesNotContain("spring intake", stranger);
        Assert.DoesNotContain("Ann Able", stranger);
        var export = await otto.Context.APIRequest.GetAsync(new Uri(web.BaseAddress, campaignPath.Replace("/campaigns/", "/api/campaigns/") + "/comparison.csv").ToString());
        Assert.True(export.Status is 403 or 404, $"the CSV should be refused, not {export.Status}");
        Assert.DoesNotContain("Ann Able", await export.TextAsync());
        await otto.GotoAsync("/");
        Assert.DoesNotContain("Ann Able", await otto.ContentAsync());
    }

    /// <summary>A browser of their own; patient, since the machine running the tests may be busy with builds.</summary>
    private static async Task<IPage> PersonAsync(BrowserApp web)
    {
        var page = await web.NewPersonAsync();
        page.Context.SetDefaultTimeout(45_000);
        return page;
    }

    /// <summary>Opens the invite link, starts the call, says the lines (until the customer ends it), hangs up.</summary>
    private static async Task PlayByInviteAsync(IPage candidate, string link, IEnumerable<string> lines)
    {
        await candidate.GotoAsync(link);
        await candidate.ClickAsync("#invite-form button[type=submit]");
        await candidate.Locator("#call").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var shown = 1;
        foreach (var line in lines)
        {
            await candidate.FillAsync("#say", line);
            await candidate.PressAsync("#say", "Enter");
            shown += 2;
            await candidate.Locator($"#transcript li:nth-child({shown})").WaitForAsync();
            await candidate.Locator("#say-button:enabled, #ended:visible").First.WaitForAsync();
            if (await candidate.Locator("#ended").IsVisibleAsync())
            {
                break;
            }
        }
        if (!await candidate.Locator("#ended").IsVisibleAsync())
        {
            await candidate.ClickAsync("#hangup-button");
        }
        await candidate.Locator("#ended").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }

    private static async Task<string[]> NamesAsync(IPage page) =>
        (await page.Locator("#comparison tbody td.name").AllInnerTextsAsync()).Select(n => n.Trim()).ToArray();

    private static async Task<int[]> ScoresAsync(IPage page) =>
        (await page.Locator("#comparison tbody td.score").AllInnerTextsAsync()).Select(s => int.Parse(s.Trim())).ToArray();

    private Task Shot(IPage page, string name, bool fullPage = true) => ShotAsync(page, name, output, fullPage);
}
