using System.Text;
using Microsoft.AspNetCore.Mvc;
using SimCaller.Api.Accounts;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using static SimCaller.Api.Web.PageLayout;

namespace SimCaller.Api.Web;

/// <summary>
/// GET /practice (choose a customer and a difficulty), GET /code (a session code, no account needed) and
/// GET /invite/{token} (a hiring campaign's invite link, no account needed).
/// The call itself runs in the page (wwwroot/js/call.js) over the JSON API: POST /api/calls, /turns, /end.
/// </summary>
internal static class PracticePages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/practice", Practice).RequireAuthorization(WebAccess.AccountPolicy);
        app.MapGet("/code", Code).AllowAnonymous();
        app.MapGet("/invite/{token}", Invite).AllowAnonymous();
    }

    /// <param name="personaId">With <paramref name="difficulty"/>, from an assignment's Start link: that call starts at once.</param>
    private static IResult Practice(HttpContext http, PersonaCatalog personas,
        [FromQuery(Name = "persona")] string? personaId, [FromQuery(Name = "difficulty")] string? difficulty)
    {
        var chosen = personaId is null ? null : personas.Find(personaId);
        var chosenLevel = chosen is not null && chosen.TryResolveDifficulty(difficulty, out _) ? chosen.CanonicalDifficulty(difficulty) : null;
        var notAvailable = personaId is not null && chosenLevel is null
            ? "<p class=\"alert\" role=\"alert\" id=\"not-available\">That customer or level is not available any more. Choose a customer below, or ask your trainer.</p>"
            : "";
        var cards = new StringBuilder();
        foreach (var persona in personas.All.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            var levels = persona.DifficultyNames();
            var autostart = chosenLevel is not null && persona.Id == chosen!.Id;
            var selected = autostart ? chosenLevel : persona.DefaultDifficulty;
            var options = string.Concat(levels.Select(level =>
                $"<option value=\"{E(level)}\"{(level == selected ? " selected" : "")}>{E(level)}</option>"));
            cards.Append($"""
                <li class="persona" data-persona="{E(persona.Id)}"{(autostart ? " data-autostart=\"true\"" : "")}>
                  <h3>{E(persona.Name)}</h3>
                  <p>{E(persona.Summary)}</p>
                  <div class="persona-actions">
                    <label>Difficulty <select name="difficulty">{options}</select></label>
                    <button type="button" class="primary start-call">Start call</button>
                  </div>
                </li>
                """);
        }
        var body = $"""
            <section id="chooser">
              <h1>Practise a call</h1>
              <p class="lead">Pick a customer. You type what you would say; watch their anger meter as you go. Hang up when you are done to get your debrief.</p>
              {notAvailable}
              {(cards.Length == 0 ? "<p class=\"alert\">No customers are set up yet. Ask your trainer to add persona files.</p>" : $"<ul class=\"personas\">{cards}</ul>")}
              <p class="alert hidden" role="alert" id="start-error"></p>
            </section>
            {CallPanel(signedIn: true)}
            <script src="/js/call.js"></script>
            """;
        return Page(http, "Practise a call", body);
    }

    private static IResult Code(HttpContext http)
    {
        var body = $"""
            <section id="chooser" class="card narrow">
              <h1>Start with a session code</h1>
              <p class="lead">Your trainer or recruiter gave you an eight-digit code. It sets up the customer for your call; you need no account.</p>
              <form id="code-form" class="stack" autocomplete="off">
                <label>Session code <input name="code" id="code" inputmode="numeric" pattern="[0-9 ]*" maxlength="12" required autofocus placeholder="12345678"></label>
                <button type="submit" class="primary">Start the call</button>
              </form>
              <p class="alert hidden" role="alert" id="start-error"></p>
            </section>
            {CallPanel(signedIn: http.User.Caller() is not null)}
            <script src="/js/call.js"></script>
            """;
        return Page(http, "Start with a session code", body);
    }

    /// <summary>
    /// The page an invite link opens. The token is only handed to POST /api/calls when the candidate starts,
    /// so attempts, expiry and the rate limit are all the API's to judge (and to explain).
    /// </summary>
    private static IResult Invite(HttpContext http, string token)
    {
        var body = $"""
            <section id="chooser" class="card narrow">
              <h1>Your practice call</h1>
              <p class="lead">You have been invited to a practice call with a customer. Take a moment, then start when you are ready: you type what you would say, and the customer answers. Hang up when you are done.</p>
              <form id="invite-form" class="stack" data-invite="{E(token)}">
                <button type="submit" class="primary">Start the call</button>
              </form>
              <p class="alert hidden" role="alert" id="start-error"></p>
            </section>
            {CallPanel(signedIn: false)}
            <script src="/js/call.js"></script>
            """;
        return Page(http, "Your practice call", body);
    }

    /// <summary>The call, hidden until one starts: who is on the line, the anger meter, the conversation, the controls.</summary>
    private static string CallPanel(bool signedIn) => $"""
        <section id="call" class="call hidden" data-signed-in="{(signedIn ? "true" : "false")}" aria-live="polite">
          <div class="call-head">
            <div>
              <div class="eyebrow">On the line</div>
              <h2 id="customer-name">Customer</h2>
            </div>
            <div class="meter-box">
              <div class="meter-label"><span>Anger</span> <strong id="anger-value">0</strong><span class="of">/ 100</span> <span id="mood" class="mood">calm</span></div>
              <div class="meter" role="meter" aria-label="Customer anger" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0" id="anger-meter"><div class="meter-fill" id="anger-fill"></div></div>
            </div>
          </div>
          <ol id="transcript" class="transcript"></ol>
          <p id="hold-banner" class="hold-banner hidden">The customer is on hold (<span id="hold-time">0:00</span>). Your next line takes them off hold; a short hold is fine, a long one is not.</p>
          <p id="call-error" class="alert hidden" role="alert"></p>
          <form id="say-form" class="say">
            <textarea id="say" name="say" rows="2" maxlength="2000" placeholder="Type what you say to the customer, then press Enter" aria-label="What you say"></textarea>
            <div class="controls">
              <button type="submit" class="primary" id="say-button">Say it</button>
              <button type="button" id="hold-button">Put on hold</button>
              <button type="button" class="danger" id="hangup-button">Hang up</button>
            </div>
          </form>
          <div id="ended" class="ended hidden">
            <p><strong id="ended-outcome"></strong> <span id="ended-score"></span></p>
            <a id="debrief-link" class="button primary" href="#">See your debrief</a>
          </div>
        </section>
        """;
}
