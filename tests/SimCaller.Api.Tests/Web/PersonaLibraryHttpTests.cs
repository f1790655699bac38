using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Tests.WebApi;
using SimCaller.Persona.Loading;

using static SimCaller.Api.Tests.Web.PageClient;

namespace SimCaller.Api.Tests.Web;

/// <summary>
/// The persona library over HTTP: the list, a customer with their mood diagram, and the editor's check and
/// save, on a scratch copy of the repository's personas folder (the shipped files are never written).
/// </summary>
public sealed partial class PersonaLibraryHttpTests : IDisposable
{
    private const string Traveler = "stressed-traveler";

    private readonly TempDatabase _database = new();
    private readonly string _personas = Path.Combine(Path.GetTempPath(), "simcaller-library-" + Guid.NewGuid().ToString("N"));
    private readonly LogEvents _logs = new();
    private readonly SimCallerApp _app;

    public PersonaLibraryHttpTests()
    {
        Directory.CreateDirectory(_personas);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Personas, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_personas, Path.GetFileName(file)));
        }
        // A file a trainer broke outside the browser: left out of practice, still in the library to be fixed.
        File.WriteAllText(Path.Combine(_personas, "zz-broken.yaml"),
            TravelerText.Replace($"id: {Traveler}", "id: broken-traveler").Replace("Dana Whitfield", "Broken Dana").Replace(StartingAngerLine(TravelerText), "starting_anger: 500"));
        _app = new SimCallerApp(_database.Path,
            new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "1000", ["Personas:Path"] = _personas },
            services => services.AddSingleton<ILogEventSink>(_logs));
    }

    public void Dispose()
    {
        _app.Dispose();
        _database.Dispose();
        Directory.Delete(_personas, recursive: true);
    }

    private static string TravelerText { get; } = File.ReadAllText(Path.Combine(RepositoryPaths.Personas, Traveler + ".yaml"));

    private string TravelerFile => Path.Combine(_personas, Traveler + ".yaml");

    [Fact]
    public async Task Staff_see_every_persona_file_with_its_lint_and_a_trainee_is_refused()
    {
        await _app.AddUserAsync("trish@acme.test", Role.Trainer);
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        await _app.AddUserAsync("ada@acme.test", Role.Admin);
        await _app.AddUserAsync("tess@acme.test", Role.Trainee);

        foreach (var email in new[] { "trish@acme.test", "hank@acme.test", "ada@acme.test" })
        {
            var page = await (await _app.SignedInBrowserAsync(email)).GetAsync("/personas");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            foreach (var id in new[] { "abusive-caller", "off-topic-ranter", Traveler, "worried-pensioner" })
            {
                Assert.Matches($"<tr data-persona=\"{id}\" data-status=\"(ok|warnings)\">", html);
            }
            Assert.Contains("Dana Whitfield", html);
            Assert.Contains("easy, standard, hard", html);
            Assert.Contains("Flight to Denver cancelled the night before her sister&#x27;s wedding", html);
            // The broken file is listed, with its error, though nobody can practise with it.
            Assert.Contains("<tr data-persona=\"broken-traveler\" data-status=\"errors\">", html);
            Assert.Contains("1 error</span>", html);
            Assert.Contains("<a href=\"/personas\"", html);
        }
        Assert.Null(_app.Services.GetRequiredService<PersonaCatalog>().Find("broken-traveler"));

        var trainee = await _app.SignedInBrowserAsync("tess@acme.test");
        var refused = await trainee.GetAsync("/personas");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Not allowed", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await trainee.GetAsync($"/personas/{Traveler}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trainee.GetAsync($"/personas/{Traveler}/mood.svg")).StatusCode);
        Assert.DoesNotContain("href=\"/personas\"", await (await trainee.GetAsync("/")).Content.ReadAsStringAsync());
        var anonymous = await _app.Browser().GetAsync("/personas");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/signin", anonymous.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_persona_is_shown_readably_with_its_mood_diagram_per_level_and_its_numbered_yaml()
    {
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        var hiring = await _app.SignedInBrowserAsync("hank@acme.test");

        var page = await hiring.GetAsync($"/personas/{Traveler}?difficulty=hard");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1 id=\"persona-name\">Dana Whitfield</h1>", html);
        Assert.Contains("Skyline Air", html);
        Assert.Contains("<option value=\"hard\" selected>hard</option>", html);
        Assert.Contains($"<img id=\"mood-diagram\" src=\"/personas/{Traveler}/mood.svg?difficulty=hard\"", html);
        Assert.Contains("<tr data-level=\"easy\">", html);
        // Every line of the file, numbered, in the page.
        var lines = TravelerText.TrimEnd('\n').Split('\n').Length;
        Assert.Contains($"id=\"L{lines}\"", html);
        Assert.DoesNotContain($"id=\"L{lines + 1}\"", html);
        Assert.Contains("<code class=\"tx\">name: Dana Whitfield</code>", html);
        // A hiring manager reads the library but does not edit it.
        Assert.DoesNotContain("/edit", html);
        // Nothing inline for the page's policy to block.
        Assert.DoesNotContain(" style=", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("unsafe-inline", page.Headers.GetValues("Content-Security-Policy").Single());

        var hard = await hiring.GetAsync($"/personas/{Traveler}/mood.svg?difficulty=hard");
        var easy = await (await hiring.GetAsync($"/personas/{Traveler}/mood.svg?difficulty=easy")).Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, hard.StatusCode);
        Assert.Equal("image/svg+xml", hard.Content.Headers.ContentType!.MediaType);
        var svg = await hard.Content.ReadAsStringAsync();
        Assert.Matches("^<\\?xml[^>]*>\\s*<svg [^>]*xmlns=\"http://www.w3.org/2000/svg\"", svg);
        Assert.Contains("Mood machine: Dana Whitfield (stressed-traveler), hard", svg);
        Assert.Contains("Mood machine: Dana Whitfield (stressed-traveler), easy", easy);
        Assert.NotEqual(svg.Replace("hard", ""), easy.Replace("easy", ""));

        var unknownLevel = await hiring.GetAsync($"/personas/{Traveler}?difficulty=nightmare");
        Assert.Equal(HttpStatusCode.BadRequest, unknownLevel.StatusCode);
        Assert.Contains("has no level 'nightmare'", await unknownLevel.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await hiring.GetAsync($"/personas/{Traveler}/mood.svg?difficulty=nightmare")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hiring.GetAsync("/personas/nobody")).StatusCode);

        // The broken file: its error at its line, and no diagram (there is no persona to draw).
        var broken = await (await hiring.GetAsync("/personas/broken-traveler")).Content.ReadAsStringAsync();
        var line = LineOf(TravelerText, StartingAngerLine(TravelerText));
        Assert.Contains($"<li class=\"problem error\" data-line=\"{line}\" data-field=\"starting_anger\">", broken);
        Assert.Contains($"<div class=\"row error\" id=\"L{line}\"", broken);
        Assert.Contains("cannot practise with this customer until it is fixed", broken);
        Assert.DoesNotContain("mood-diagram", broken);
    }

    [Fact]
    public async Task Only_trainers_and_admins_may_open_or_post_the_editor()
    {
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        await _app.AddUserAsync("tess@acme.test", Role.Trainee);
        await _app.AddUserAsync("ada@acme.test", Role.Admin);
        var before = File.ReadAllBytes(TravelerFile);

        foreach (var email in new[] { "hank@acme.test", "tess@acme.test" })
        {
            var client = await _app.SignedInBrowserAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/personas/{Traveler}/edit")).StatusCode);
            // A valid token from a page they may open, and the file's real version: still refused.
            var token = await TokenAsync(client, "/");
            var posted = await client.PostAsync($"/personas/{Traveler}/edit", Form(token,
                ("yaml", TravelerText.Replace("Dana Whitfield", "Hacked")), ("version", Sha256(before)), ("action", "save")));
            Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        }
        Assert.Equal(before, File.ReadAllBytes(TravelerFile));

        var admin = await _app.SignedInBrowserAsync("ada@acme.test");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/personas/{Traveler}/edit")).StatusCode);
        // Without the page's token nothing happens either.
        var forged = await admin.PostAsync($"/personas/{Traveler}/edit", new FormUrlEncodedContent([new("yaml", "id: x"), new("version", Sha256(before)), new("action", "save")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, File.ReadAllBytes(TravelerFile));
    }

    [Fact]
    public async Task The_editor_holds_the_file_exactly_and_check_shows_a_problem_at_its_line_without_writing()
    {
        var trainer = await TrainerAsync();
        var editor = await OpenEditorAsync(trainer);
        Assert.Equal(TravelerText, editor.Text);
        Assert.Equal(Sha256(File.ReadAllBytes(TravelerFile)), editor.Version);

        var typed = editor.Text.Replace("  disable: [boundaries]", "  disable: [boundarys]");
        var checkedPage = await PostEditorAsync(trainer, editor, typed, "check");

        Assert.Equal(HttpStatusCode.OK, checkedPage.StatusCode);
        var html = await checkedPage.Content.ReadAsStringAsync();
        var line = LineOf(typed, "  disable: [boundarys]");
        Assert.Contains($"<li class=\"problem error\" data-line=\"{line}\" data-field=\"rubric.disable[0]\"><a class=\"lib-line\" href=\"#L{line}\" data-line=\"{line}\">line {line}</a>", html);
        Assert.Contains($"<div class=\"row error\" id=\"L{line}\" data-line=\"{line}\">", html);
        Assert.Contains("boundarys", html);
        Assert.Equal(TravelerText, File.ReadAllText(TravelerFile));
        // What was typed comes back in the editor, as typed.
        Assert.Equal(typed, Editor(html).Text);
    }

    [Fact]
    public async Task A_save_with_an_error_is_refused_with_400_and_the_file_and_the_typed_text_are_kept()
    {
        var trainer = await TrainerAsync();
        var editor = await OpenEditorAsync(trainer);
        var typed = editor.Text.Replace(StartingAngerLine(editor.Text), "starting_anger: 150").Replace("Dana Whitfield", "Dana W.");

        var refused = await PostEditorAsync(trainer, editor, typed, "save");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Not saved: the text has errors", html);
        Assert.Contains($"data-line=\"{LineOf(typed, "starting_anger: 150")}\" data-field=\"starting_anger\"", html);
        Assert.Equal(typed, Editor(html).Text);
        Assert.Equal(editor.Version, Editor(html).Version);
        Assert.Equal(TravelerText, File.ReadAllText(TravelerFile));
        Assert.Equal("Dana Whitfield", _app.Services.GetRequiredService<PersonaCatalog>().Find(Traveler)!.Name);
    }

    [Fact]
    public async Task A_good_save_replaces_the_file_and_the_catalog_serves_it_at_once()
    {
        var trainer = await TrainerAsync();
        var editor = await OpenEditorAsync(trainer);
        const string Summary = "Flight to Denver cancelled; she is carrying the wedding rings and has no time at all.";
        // As a browser sends a textarea: CRLF line breaks.
        var typed = editor.Text.Replace(SummaryLine(editor.Text), $"summary: {Summary}").Replace("\n", "\r\n");

        var saved = await PostEditorAsync(trainer, editor, typed, "save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/personas/{Traveler}?saved=1", saved.Headers.Location!.OriginalString);
        var written = File.ReadAllText(TravelerFile);
        Assert.Equal(TravelerText.Replace(SummaryLine(TravelerText), $"summary: {Summary}"), written);
        Assert.Equal([.. Directory.GetFiles(RepositoryPaths.Personas, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal), "zz-broken.yaml"],
            Directory.GetFiles(_personas).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // The file watcher is off in these tests: the save itself reloads the catalog.
        Assert.Equal(Summary, _app.Services.GetRequiredService<PersonaCatalog>().Find(Traveler)!.Summary);
        var page = await (await trainer.GetAsync(saved.Headers.Location.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"saved\"", page);
        Assert.Contains($"<p class=\"lead\" id=\"persona-summary\">{Summary}</p>", page);
        Assert.Contains(Summary, await (await trainer.GetAsync("/practice")).Content.ReadAsStringAsync());
        var log = Assert.Single(_logs.Starting("Persona file {File} ({PersonaId}) saved by {Email}"));
        Assert.Equal("\"trish@acme.test\"", log.Properties["Email"].ToString());
        Assert.Equal($"\"{TravelerFile}\"", log.Properties["File"].ToString());
    }

    [Fact]
    public async Task A_file_left_out_for_errors_is_fixed_in_the_editor_and_offered_again()
    {
        var trainer = await TrainerAsync();
        var editor = await OpenEditorAsync(trainer, "broken-traveler");
        Assert.Contains("starting_anger: 500", editor.Text);

        var saved = await PostEditorAsync(trainer, editor, editor.Text.Replace("starting_anger: 500", "starting_anger: 55"), "save", "broken-traveler");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(55, _app.Services.GetRequiredService<PersonaCatalog>().Find("broken-traveler")?.StartingAnger);
        var list = await (await trainer.GetAsync("/personas")).Content.ReadAsStringAsync();
        Assert.Matches("<tr data-persona=\"broken-traveler\" data-status=\"(ok|warnings)\">", list);
        Assert.Contains("Broken Dana", await (await trainer.GetAsync("/practice")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_file_changed_since_the_editor_opened_is_not_overwritten_409_and_the_typed_text_is_kept()
    {
        var first = await TrainerAsync();
        await _app.AddUserAsync("tom@acme.test", Role.Trainer);
        var second = await _app.SignedInBrowserAsync("tom@acme.test");
        var mine = await OpenEditorAsync(first);
        var theirs = await OpenEditorAsync(second);
        var theirText = theirs.Text.Replace("Dana Whitfield", "Dana Whitfield-Price");
        Assert.Equal(HttpStatusCode.Redirect, (await PostEditorAsync(second, theirs, theirText, "save")).StatusCode);

        var myText = mine.Text.Replace(SummaryLine(mine.Text), "summary: My summary of Dana.");
        // Check already says so (and writes nothing).
        var stale = await PostEditorAsync(first, mine, myText, "check");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("saving your text as it is will be refused", await stale.Content.ReadAsStringAsync());
        var conflict = await PostEditorAsync(first, mine, myText, "save");

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        Assert.Contains("Someone changed this file after you opened it, so nothing was written", html);
        Assert.Equal(myText, Editor(html).Text);
        Assert.Equal(theirText, File.ReadAllText(TravelerFile));
        // Saving again from the same stale version is refused again; saving over theirs, deliberately, works.
        Assert.Equal(HttpStatusCode.Conflict, (await PostEditorAsync(first, Editor(html), myText, "save")).StatusCode);
        var current = CurrentVersion().Match(html).Groups[1].Value;
        Assert.Equal(Sha256(File.ReadAllBytes(TravelerFile)), current);
        var over = await first.PostAsync($"/personas/{Traveler}/edit", Form(Editor(html).Token,
            ("yaml", myText), ("version", mine.Version), ("current_version", current), ("action", "overwrite")));
        Assert.Equal(HttpStatusCode.Redirect, over.StatusCode);
        Assert.Equal(myText, File.ReadAllText(TravelerFile));
    }

    [Fact]
    public async Task The_id_cannot_be_changed_to_a_new_one_or_to_another_customer_s()
    {
        var trainer = await TrainerAsync();
        var editor = await OpenEditorAsync(trainer);

        foreach (var id in new[] { "calm-traveler", "abusive-caller" })
        {
            var typed = editor.Text.Replace($"id: {Traveler}", $"id: {id}");
            var refused = await PostEditorAsync(trainer, editor, typed, "save");

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains($"data-line=\"{LineOf(typed, $"id: {id}")}\" data-field=\"id\"", html);
            Assert.Contains("the id cannot change", html);
        }
        Assert.Equal(TravelerText, File.ReadAllText(TravelerFile));
        Assert.Equal(5, Directory.GetFiles(_personas).Length);
    }

    [Fact]
    public async Task A_call_started_before_a_save_keeps_the_persona_it_was_played_with()
    {
        await _app.AddUserAsync("tess@acme.test", Role.Trainee);
        var api = await _app.SignedInAsync("tess@acme.test");
        async Task<string> StartAsync() =>
            (string)(await (await api.PostAsJsonAsync("/api/calls", new { persona = Traveler, difficulty = "standard", seed = 3 })).JsonAsync())["session_id"]!;
        async Task<string> AskReferenceAsync(string id) =>
            (string)(await (await api.PostAsJsonAsync($"/api/calls/{id}/turns", new { text = "I'm sorry about your flight. Can I have your booking reference?" })).JsonAsync())["customer"]!["text"]!;
        var before = await StartAsync();

        var trainer = await TrainerAsync();
        var editor = await OpenEditorAsync(trainer);
        var typed = editor.Text.Replace("value: QX7R2M", "value: ZZ9PLU").Replace("Q as in Quebec, X, seven, R, two, M", "Z, Z, nine, P, L, U");
        Assert.Equal(HttpStatusCode.Redirect, (await PostEditorAsync(trainer, editor, typed, "save")).StatusCode);

        var oldAnswer = await AskReferenceAsync(before);
        var after = await StartAsync();
        var newAnswer = await AskReferenceAsync(after);
        Assert.Contains("QX7R2M", oldAnswer);
        Assert.Contains("ZZ9PLU", newAnswer);

        await api.PostAsync($"/api/calls/{before}/end", null);
        var debrief = await (await trainer.GetAsync($"/sessions/{before}")).Content.ReadAsStringAsync();
        Assert.Contains("QX7R2M", debrief);
        Assert.DoesNotContain("ZZ9PLU", debrief);
    }

    private async Task<HttpClient> TrainerAsync()
    {
        await _app.AddUserAsync("trish@acme.test", Role.Trainer);
        return await _app.SignedInBrowserAsync("trish@acme.test");
    }

    private sealed record EditorForm(string Token, string Version, string Text);

    private static async Task<EditorForm> OpenEditorAsync(HttpClient browser, string key = Traveler)
    {
        var page = await browser.GetAsync($"/personas/{key}/edit");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return Editor(await page.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostEditorAsync(HttpClient browser, EditorForm editor, string text, string action, string key = Traveler) =>
        browser.PostAsync($"/personas/{key}/edit", Form(editor.Token, ("yaml", text), ("version", editor.Version), ("action", action)));

    /// <summary>The editor form of a page, read as a browser would (the textarea's first line break is not content).</summary>
    private static EditorForm Editor(string html) => new(
        WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value),
        VersionField().Match(html).Groups[1].Value,
        WebUtility.HtmlDecode(TextareaField().Match(html).Groups[1].Value));

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", token)]);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private static int LineOf(string text, string line) => text[..text.IndexOf(line, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    private static string StartingAngerLine(string text) => Regex.Match(text, "^starting_anger: .*$", RegexOptions.Multiline).Value;

    private static string SummaryLine(string text) => Regex.Match(text, "^summary: .*$", RegexOptions.Multiline).Value;

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f]*)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("name=\"current_version\" value=\"([0-9a-f]*)\"")]
    private static partial Regex CurrentVersion();

    [GeneratedRegex("<textarea id=\"yaml\"[^>]*>\n(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaField();
}
