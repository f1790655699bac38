using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SimCaller.Accounts;
using SimCaller.Api.Tests.WebApi;
using SimCaller.Practice;
using Xunit.Abstractions;

namespace SimCaller.Api.Tests.Web;

/// <summary>What the browser scenarios do again and again: sign in, say a line in a call, play a call behind the scenes, keep a screenshot.</summary>
internal static class BrowserSteps
{
    /// <summary>Signs in on the sign-in page (opening it unless the browser was sent there) and waits to leave it.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = ApiClient.Password)
    {
        if (!page.Url.Contains("/signin", StringComparison.Ordinal))
        {
            await page.GotoAsync("/signin");
        }
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    /// <summary>Types a line in the call page and waits for the transcript to reach <paramref name="expectedLines"/> lines.</summary>
    public static async Task SayAsync(IPage page, string text, int expectedLines)
    {
        await page.FillAsync("#say", text);
        await page.PressAsync("#say", "Enter");
        await page.Locator($"#transcript li:nth-child({expectedLines})").WaitForAsync();
        await page.Locator("#say-button:enabled").WaitForAsync();
    }

    /// <summary>A finished one-line call by this account, played through the service the pages use.</summary>
    public static async Task<string> PlayAsync(BrowserApp web, Account account, string persona, string difficulty, string line, string? organisationId = null)
    {
        var practice = web.App.Services.GetRequiredService<PracticeService>();
        var started = await practice.StartAsync(new StartSessionRequest(persona, difficulty, 5, "web", account.Email,
            OrganisationId: organisationId ?? account.OrganisationId, AccountId: account.Id));
        await practice.TakeTurnAsync(started.SessionId, new TraineeTurn(line));
        await practice.EndAsync(started.SessionId, EndReason.AgentHungUp);
        return started.SessionId;
    }

    /// <summary>Keeps a screenshot for the README when SIMCALLER_SCREENSHOTS names a directory; otherwise nothing.</summary>
    public static async Task ShotAsync(IPage page, string name, ITestOutputHelper output, bool fullPage = true)
    {
        if (Environment.GetEnvironmentVariable("SIMCALLER_SCREENSHOTS") is not { Length: > 0 } directory)
        {
            return;
        }
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        output.WriteLine($"screenshot: {path}");
    }
}
