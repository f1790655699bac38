using SimCaller.Testing;
using Microsoft.Playwright;
using SimCaller.Evaluation.Debriefs;
using SimCaller.Evaluation.Rendering;
using SimCaller.Evaluation.Rubrics;
using SimCaller.Evaluation.Tests.Support;
using Xunit.Abstractions;

namespace SimCaller.Evaluation.Tests.Rendering;

/// <summary>
/// Opens the debrief page in Debian's chromium (CI installs it; never `playwright install`).
/// A missing browser reports the test skipped with the fix (a failure under ./test.sh).
/// </summary>
public sealed class DebriefHtmlBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        Requires.Program(Chromium, "chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    [SkippableFact]
    public async Task Page_shows_the_anger_chart_with_key_moments_and_stays_inert()
    {
        var debrief = new DebriefBuilder(RubricLoader.LoadEmbedded()).Build(Scenarios.TravelerBad());
        Assert.NotEmpty(debrief.KeyMoments);
        var hostile = RenderingTests.WithHostileText();

        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 1400 } });
            var dialogs = 0;
            page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

            await page.SetContentAsync(DebriefHtml.Render(debrief));
            var chart = page.Locator("svg.chart");
            Assert.True(await chart.IsVisibleAsync(), "the anger chart is not visible");
            Assert.True(await page.Locator("svg.chart polyline.anger-line").IsVisibleAsync(), "the anger line is not drawn");
            var points = await page.Locator("svg.chart polyline.anger-line").GetAttributeAsync("points");
            Assert.Equal(debrief.Timeline.Count + 1, points!.Split(' ').Length);
            Assert.Equal(debrief.KeyMoments.Count, await page.Locator("svg.chart g.key-moment circle").CountAsync());
            Assert.True(await page.Locator("svg.chart g.key-moment").First.IsVisibleAsync());
            Assert.Equal(5, await page.Locator("svg.chart rect.band").CountAsync());
            Assert.Contains($"T{debrief.KeyMoments[0].TurnNumber}", await page.Locator("svg.chart .moment-label").First.TextContentAsync());
            Assert.Equal(debrief.Score.ToString(), (await page.Locator("#score").InnerTextAsync()).Split('\n')[0].Trim());
            Assert.Equal(debrief.Criteria.Count, await page.Locator("#criteria .criterion").CountAsync());
            Assert.Equal(3, await page.Locator("#suggestions li").CountAsync());

            var box = await chart.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 100 }, $"chart is {box?.Width}x{box?.Height}");

            var shot = Path.Combine(AppContext.BaseDirectory, "debrief-screenshot.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            Assert.True(new FileInfo(shot).Length > 10_000);
            output.WriteLine($"screenshot: {shot}");

            // Trainee text containing a script tag must show as text and never run.
            await page.SetContentAsync(DebriefHtml.Render(hostile));
            Assert.Equal(0, await page.Locator("script").CountAsync());
            Assert.Contains("<script>alert('x')</script>", await page.Locator("#criteria").InnerTextAsync());
            Assert.Equal(0, dialogs);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
