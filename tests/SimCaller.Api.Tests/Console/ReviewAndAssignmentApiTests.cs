using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Tests.WebApi;

namespace SimCaller.Api.Tests.Console;

/// <summary>Trainers' score overrides (who, when, old and new, reason; the trainee sees them) and assignments with completion.</summary>
public sealed class ReviewAndAssignmentApiTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly SimCallerApp _app;

    public ReviewAndAssignmentApiTests() => _app = new SimCallerApp(_database.Path, new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "1000" });

    public void Dispose()
    {
        _app.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task A_trainer_overrides_a_criterion_with_a_reason_the_machine_score_stays_and_the_trainee_sees_the_review()
    {
        await _app.AddUserAsync("ann@acme.test", Role.Trainee);
        await _app.AddUserAsync("tess@acme.test", Role.Trainer);
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        var ann = await _app.SignedInAsync("ann@acme.test");
        var tess = await _app.SignedInAsync("tess@acme.test");
        var (id, _) = await ann.PlayAsync("stressed-traveler", "standard", ConsoleClient.HarshLines);
        var machine = await (await tess.GetAsync($"/api/sessions/{id}/debrief")).JsonAsync();
        var empathy = (int)machine["criteria"]!.AsArray().Single(c => (string?)c!["id"] == "empathy")!["score"]!;
        var raised = empathy < 90 ? 90 : 10;
        Assert.Null(machine["reviewed_score"]);
        Assert.Empty(machine["overrides"]!.AsArray());

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var response = await tess.PostAsJsonAsync($"/api/sessions/{id}/overrides", new { criterion = "empathy", score = raised, reason = "She acknowledged the wedding twice; the analyser missed the second." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reviewed = await response.JsonAsync();
        Assert.Equal(id, (string?)reviewed["session_id"]);
        Assert.Equal((int)machine["score"]!, (int)reviewed["score"]!);
        Assert.Equal(empathy, (int)reviewed["criteria"]!.AsArray().Single(c => (string?)c!["id"] == "empathy")!["score"]!);
        var added = reviewed["overrides"]!.AsArray().Single()!;
        Assert.Equal("empathy", (string?)added["criterion"]);
        Assert.Equal(empathy, (int)added["old_score"]!);
        Assert.Equal(raised, (int)added["new_score"]!);
        Assert.Equal("tess@acme.test", (string?)added["by"]);
        Assert.StartsWith("She acknowledged", (string?)added["reason"]);
        Assert.InRange(DateTimeOffset.Parse((string)added["at"]!), before, DateTimeOffset.UtcNow.AddSeconds(1));
        var reviewedScore = (int)reviewed["reviewed_score"]!;
        if (raised > empathy) Assert.True(reviewedScore > (int)machine["score"]!, $"{reviewedScore} vs {machine["score"]}");
        else Assert.True(reviewedScore < (int)machine["score"]!, $"{reviewedScore} vs {machine["score"]}");

        // A second change of the same criterion starts from the first one's score.
        var again = await (await tess.PostAsJsonAsync($"/api/sessions/{id}/overrides", new { criterion = "empathy", score = 50, reason = "On reflection, halfway." })).JsonAsync();
        var second = again["overrides"]!.AsArray()[1]!;
        Assert.Equal((raised, 50), ((int)second["old_score"]!, (int)second["new_score"]!));

        // The trainee reads the reviewed score and the comments in their own debrief.
        var seen = await (await ann.GetAsync($"/api/sessions/{id}/debrief")).JsonAsync();
        Assert.Equal((int)again["reviewed_score"]!, (int)seen["reviewed_score"]!);
        Assert.Equal(["She acknowledged the wedding twice; the analyser missed the second.", "On reflection, halfway."],
            seen["overrides"]!.AsArray().Select(o => (string)o!["reason"]!));

        // Only trainers and admins review; bad input changes nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await ann.PostAsJsonAsync($"/api/sessions/{id}/overrides", new { criterion = "empathy", score = 100, reason = "me" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.SignedInAsync("hank@acme.test")).PostAsJsonAsync($"/api/sessions/{id}/overrides", new { criterion = "empathy", score = 100, reason = "x" })).StatusCode);
        foreach (var (body, says) in new (object, string)[]
                 {
                     (new { criterion = "charm", score = 50, reason = "x" }, "criterion"),
                     (new { criterion = "empathy", score = 101, reason = "x" }, "0 to 100"),
                     (new { criterion = "empathy", score = -1, reason = "x" }, "0 to 100"),
                     (new { criterion = "empathy", score = 70, reason = "  " }, "reason"),
                 })
        {
            var bad = await tess.PostAsJsonAsync($"/api/sessions/{id}/overrides", body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains(says, await bad.DetailAsync());
        }
        Assert.Equal(2, (await (await ann.GetAsync($"/api/sessions/{id}/debrief")).JsonAsync())["overrides"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await tess.PostAsJsonAsync("/api/sessions/nope/overrides", new { criterion = "empathy", score = 5, reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task Assignments_show_a_trainee_what_is_due_and_a_trainer_completion_best_and_latest_score()
    {
        var ann = await _app.AddUserAsync("ann@acme.test", Role.Trainee);
        var bob = await _app.AddUserAsync("bob@acme.test", Role.Trainee);
        await _app.AddUserAsync("tess@acme.test", Role.Trainer);
        var tess = await _app.SignedInAsync("tess@acme.test");
        var annClient = await _app.SignedInAsync("ann@acme.test");
        var bobClient = await _app.SignedInAsync("bob@acme.test");
        // A call before the assignment does not count towards it.
        await annClient.PlayAsync("stressed-traveler", "easy", ConsoleClient.CalmingLines);

        var create = await tess.PostAsJsonAsync("/api/assignments", new
        {
            persona = "stressed-traveler", difficulty = "easy", due_at = DateTimeOffset.UtcNow.AddDays(7), attempts = 2,
            trainees = new[] { ann.Id, "bob@acme.test" }, group = "October starters",
        });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var created = await create.JsonAsync();
        Assert.Equal("October starters", (string?)created["group"]);
        Assert.Equal(2, created["trainees"]!.AsArray().Count);

        var due = (await (await annClient.GetAsync("/api/assignments")).JsonAsync())["items"]!.AsArray().Single()!;
        Assert.Equal(("stressed-traveler", "easy", 2, "due"), ((string)due["persona"]!, (string)due["difficulty"]!, (int)due["attempts"]!, (string)due["status"]!));
        Assert.Equal(ann.Id, (string?)due["trainees"]!.AsArray().Single()!["account_id"]);
        Assert.Equal(0, (int)due["trainees"]![0]!["done"]!);

        var first = await annClient.PlayAsync("stressed-traveler", "easy", ConsoleClient.HarshLines);
        await annClient.PlayAsync("abusive-caller", "standard", ConsoleClient.CalmingLines); // another customer: not this assignment
        var second = await annClient.PlayAsync("stressed-traveler", "easy", ConsoleClient.CalmingLines);

        var mine = (await (await annClient.GetAsync("/api/assignments")).JsonAsync())["items"]![0]!;
        Assert.Equal("complete", (string?)mine["status"]);
        var overview = (await (await tess.GetAsync("/api/assignments")).JsonAsync())["items"]!.AsArray().Single()!;
        Assert.Equal("due", (string?)overview["status"]);
        var annRow = overview["trainees"]!.AsArray().Single(t => (string?)t!["email"] == "ann@acme.test")!;
        var bobRow = overview["trainees"]!.AsArray().Single(t => (string?)t!["email"] == "bob@acme.test")!;
        Assert.Equal((2, true), ((int)annRow["done"]!, (bool)annRow["complete"]!));
        Assert.Equal(Math.Max(first.Score, second.Score), (double)annRow["best_score"]!);
        Assert.Equal(second.Score, (double)annRow["latest_score"]!);
        Assert.Equal((0, false), ((int)bobRow["done"]!, (bool)bobRow["complete"]!));
        Assert.Null(bobRow["best_score"]);
        Assert.DoesNotContain("ann@acme.test", await bobClient.GetStringAsync("/api/assignments"));

        foreach (var (body, says) in new (object, string)[]
                 {
                     (new { persona = "stressed-traveler", difficulty = "easy", due_at = DateTimeOffset.UtcNow.AddDays(-1), attempts = 1, trainees = new[] { ann.Id } }, "past"),
                     (new { persona = "nobody", difficulty = "easy", due_at = DateTimeOffset.UtcNow.AddDays(1), attempts = 1, trainees = new[] { ann.Id } }, "persona"),
                     (new { persona = "stressed-traveler", difficulty = "easy", due_at = DateTimeOffset.UtcNow.AddDays(1), attempts = 0, trainees = new[] { ann.Id } }, "attempts"),
                     (new { persona = "stressed-traveler", difficulty = "easy", due_at = DateTimeOffset.UtcNow.AddDays(1), attempts = 1, trainees = new[] { "tess@acme.test" } }, "trainee"),
                 })
        {
            var bad = await tess.PostAsJsonAsync("/api/assignments", body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains(says, await bad.DetailAsync());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await annClient.PostAsJsonAsync("/api/assignments", new { persona = "stressed-traveler" })).StatusCode);
        Assert.Single((await (await tess.GetAsync("/api/assignments")).JsonAsync())["items"]!.AsArray());
    }
}
