using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Tests.WebApi;
using SimCaller.Persona.Loading;
using Xunit.Abstractions;

using static SimCaller.Api.Tests.Web.BrowserSteps;

namespace SimCaller.Api.Tests.Web;

/// <summary>
/// The persona library in a real browser (Debian's chromium): a trainer reads a customer and their mood
/// diagram, breaks the YAML, finds the problem at its line, fixes it and saves. On a scratch copy of the
/// personas folder. Set SIMCALLER_SCREENSHOTS to a directory to keep the README's screenshots.
/// </summary>
public sealed class PersonaLibraryBrowserTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_trainer_reads_a_customer_breaks_the_yaml_sees_the_problem_at_its_line_fixes_it_and_saves()
    {
        var personas = Path.Combine(Path.GetTempPath(), "simcaller-library-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(personas);
        try
        {
            foreach (var file in Directory.GetFiles(RepositoryPaths.Personas, "*.yaml"))
            {
                File.Copy(file, Path.Combine(personas, Path.GetFileName(file)));
            }
            await using var web = await BrowserApp.StartAsync(new Dictionary<string, string?>
            {
                ["RateLimiting:PermitLimit"] = "1000",
                ["Personas:Path"] = personas,
            });
            await web.App.AddUserAsync("trish@acme.test", Role.Trainer);
            var path = Path.Combine(personas, "stressed-traveler.yaml");
            var original = await File.ReadAllTextAsync(path);

            var trainer = await web.NewPersonAsync();
            await trainer.GotoAsync("/signin");
            await trainer.FillAsync("input[name=email]", "trish@acme.test");
            await trainer.FillAsync("input[name=password]", ApiClient.Password);
            await trainer.ClickAsync("form button[type=submit]");
            await trainer.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));

            // The library, from the top bar: every customer, with their lint.
            await trainer.ClickAsync("header nav a[href='/personas']");
            await trainer.WaitForURLAsync("**/personas");
            Assert.Equal(4, await trainer.Locator("#library tbody tr").CountAsync());
            var row = trainer.Locator("#library tr[data-persona='stressed-traveler']");
            Assert.Contains("Dana Whitfield", await row.InnerTextAsync());

            // One customer, readably, with the mood diagram drawn for the level chosen.
            await row.Locator("a").First.ClickAsync();
            await trainer.WaitForURLAsync("**/personas/stressed-traveler");
            Assert.Equal("Dana Whitfield", (await trainer.InnerTextAsync("#persona-name")).Trim());
            Assert.Contains("Skyline Air", await trainer.InnerTextAsync("#about"));
            await trainer.SelectOptionAsync("#level-form select[name=difficulty]", "hard");
            await trainer.WaitForURLAsync(url => url.Contains("difficulty=hard", StringComparison.Ordinal));
            Assert.EndsWith("mood.svg?difficulty=hard", await trainer.GetAttributeAsync("#mood-diagram", "src"));
            await trainer.WaitForFunctionAsync("() => { const img = document.getElementById('mood-diagram'); return img.complete && img.naturalWidth > 400; }");
            Assert.True(await trainer.Locator("#mood-diagram").IsVisibleAsync());
            await Shot(trainer, "console-persona-view");

            // The editor holds the file as it is.
            await trainer.ClickAsync("#edit-persona");
            await trainer.WaitForURLAsync("**/personas/stressed-traveler/edit");
            Assert.Equal(original, await trainer.InputValueAsync("#yaml"));

            // A typo in a weight: Check names it at its line, marks the line, and writes nothing.
            var broken = original.Replace("\n  empathy: -8\n", "\n  empathyy: -8\n");
            var line = original[..original.IndexOf("\n  empathy: -8\n", StringComparison.Ordinal)].Count(c => c == '\n') + 2;
            await trainer.FillAsync("#yaml", broken);
            await trainer.ClickAsync("#check");
            var problem = trainer.Locator($"#problems li.problem.error[data-line='{line}']");
            await problem.WaitForAsync();
            Assert.Contains("weights.empathyy", await problem.InnerTextAsync());
            Assert.Contains("did you mean 'empathy'", await problem.InnerTextAsync());
            Assert.True(await trainer.Locator($"#source #L{line}.row.error").IsVisibleAsync(), "the problem line is marked and in view");
            Assert.Equal(original, await File.ReadAllTextAsync(path));

            // Choosing the problem puts the cursor on its line in the editor.
            await problem.Locator("a.lib-line").ClickAsync();
            var selected = await trainer.EvaluateAsync<string>("() => { const t = document.getElementById('yaml'); return t.value.slice(t.selectionStart, t.selectionEnd); }");
            Assert.Equal("  empathyy: -8", selected);
            Assert.Contains($"line {line}", await trainer.InnerTextAsync("#cursor-line"));
            await Shot(trainer, "console-persona-edit");

            // Saving while it is broken is refused, and the typed text is still there.
            await trainer.ClickAsync("#save");
            await trainer.Locator("#editor-error").WaitForAsync();
            Assert.Contains("Not saved", await trainer.InnerTextAsync("#editor-error"));
            Assert.Equal(broken, await trainer.InputValueAsync("#yaml"));

            // Fixed, and the summary reworded: saved, and the library shows it.
            const string Summary = "Flight cancelled the night before her sister's wedding; she is carrying the rings.";
            var summaryLine = Regex.Match(original, "^summary: .*$", RegexOptions.Multiline).Value;
            var fixedText = original.Replace(summaryLine, $"summary: {Summary}");
            await trainer.FillAsync("#yaml", fixedText);
            await trainer.ClickAsync("#save");
            await trainer.WaitForURLAsync("**/personas/stressed-traveler?saved=1");
            Assert.True(await trainer.Locator("#saved").IsVisibleAsync());
            Assert.Equal(Summary, (await trainer.InnerTextAsync("#persona-summary")).Trim());
            Assert.Equal(fixedText, await File.ReadAllTextAsync(path));
            Assert.Equal(Summary, web.App.Services.GetRequiredService<PersonaCatalog>().Find("stressed-traveler")!.Summary);
            await trainer.GotoAsync("/personas");
            Assert.Contains(Summary, await trainer.InnerTextAsync("#library tr[data-persona='stressed-traveler']"));
        }
        finally
        {
            Directory.Delete(personas, recursive: true);
        }
    }

    private Task Shot(IPage page, string name, bool fullPage = true) => ShotAsync(page, name, output, fullPage);
}
