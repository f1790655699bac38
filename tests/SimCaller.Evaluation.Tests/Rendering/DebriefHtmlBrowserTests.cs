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

    [Fact]
    public async Task Transcript_is_visible_and_band_labels_clear_every_marker_in_the_real_layout()
    {
        var call = Scenarios.TravelerMixed();
        var debrief = new DebriefBuilder(RubricLoader.LoadEmbedded()).Build(call);
        // End the call calm on a key moment at the last turn: the marker then sits beside the "calm" label.
        var last = debrief.Timeline[^1];
        var before = debrief.Timeline[^2].Anger;
        var calmEnding = debrief with
        {
            Timeline = [.. debrief.Timeline.SkipLast(1), last with { Anger = 6, Mood = "calm" }],
            KeyMoments = [.. debrief.KeyMoments.Where(k => k.TurnNumber != last.TurnNumber),
                new KeyMoment(last.TurnNumber, last.Seconds, "fall", 6 - before, before, 6, "empathy", call.Turns[^1].Text)],
        };

        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 1600 } });
            await page.SetContentAsync(DebriefHtml.Render(calmEnding));

            var table = page.Locator("#transcript table.transcript");
            Assert.True(await table.IsVisibleAsync(), "the transcript table is not visible");
            Assert.Equal("Transcript", (await page.Locator("#transcript h2").InnerTextAsync()).Trim());
            Assert.Equal(6, await table.Locator("thead th").CountAsync());
            var rows = table.Locator("tbody tr");
            Assert.Equal(call.Turns.Count, await rows.CountAsync());
            for (var i = 0; i < call.Turns.Count; i++)
            {
                var row = rows.Nth(i);
                Assert.True(await row.IsVisibleAsync(), $"turn {i + 1} is not visible");
                var text = await row.InnerTextAsync();
                Assert.Contains(call.Turns[i].Text, text);
                Assert.Contains(call.Turns[i].Speaker == SimCaller.Core.Calls.Speaker.Trainee ? "Trainee" : "Customer", text);
                var box = await row.BoundingBoxAsync();
                Assert.True(box is { Height: > 10, Width: > 600 }, $"turn {i + 1} is squeezed: {box?.Width}x{box?.Height}");
            }
            Assert.Contains("cliche", await rows.Nth(1).Locator(".chip").First.InnerTextAsync());

            // Real text boxes from the browser's layout, in the chart's own units.
            var overlaps = await page.EvaluateAsync<string[]>("""
                () => {
                  const box = e => { const b = e.getBBox(); return { l: b.x, t: b.y, r: b.x + b.width, b: b.y + b.height, n: e.textContent || e.tagName }; };
                  const hit = (a, b) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
                  const labels = [...document.querySelectorAll('svg.chart .band-label')].map(box);
                  const others = [...document.querySelectorAll('svg.chart g.key-moment circle, svg.chart .moment-label')].map(box);
                  const found = [];
                  for (const l of labels) for (const o of others) if (hit(l, o)) found.push(`${l.n} overlaps ${o.n}`);
                  return labels.length === 5 && others.length > 0 ? found : ['chart not drawn'];
                }
                """);
            Assert.Empty(overlaps);

            var shot = Path.Combine(AppContext.BaseDirectory, "debrief-transcript-screenshot.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            output.WriteLine($"screenshot: {shot}");
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
