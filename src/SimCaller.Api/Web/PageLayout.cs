using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using SimCaller.Accounts;
using SimCaller.Api.Accounts;
using SimCaller.Core.Calls;

namespace SimCaller.Api.Web;

/// <summary>
/// The frame every page shares (top bar, navigation by role, the antiforgery token for forms and for the
/// scripts' API calls) and the HTML answers built with it. Every value that comes from outside goes
/// through <see cref="E"/>; nothing is written into the page unencoded.
/// </summary>
internal static class PageLayout
{
    /// <summary>Scripts and styles come only from this app (wwwroot), never inline and never from elsewhere.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string AntiforgeryField = "__RequestVerificationToken";

    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>A whole page, with its status; <paramref name="noStore"/> for pages that show a secret once.</summary>
    public static IResult Page(HttpContext http, string title, string body, int status = StatusCodes.Status200OK, bool noStore = false, string? mainClass = null)
    {
        if (!CookiesWork(http))
        {
            // Secure-only cookies would not come back over plain HTTP: say so rather than fail on every form.
            (title, status) = ("HTTPS needed", StatusCodes.Status426UpgradeRequired);
            body = "<section class=\"card narrow message\"><h1>HTTPS needed</h1><p>Signing in uses Secure cookies, so these pages " +
                   "work over HTTPS only: open them with https://, or put the service behind your TLS proxy and list it in " +
                   "ForwardedHeaders:TrustedProxies. For a local try, run in the Development environment " +
                   "(<code>dotnet run --project src/SimCaller.Api</code> does).</p></section>";
        }
        var caller = http.User.Caller();
        var token = Token(http);
        var html = new StringBuilder(body.Length + 2048);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append($"<title>{E(title)} · SimCaller</title>");
        html.Append("<link rel=\"stylesheet\" href=\"/css/site.css\">");
        html.Append($"<meta name=\"csrf-token\" content=\"{E(token)}\">");
        html.Append("</head><body>");
        html.Append(TopBar(caller, token, http.Request.Path));
        html.Append($"<main{(mainClass is null ? "" : $" class=\"{E(mainClass)}\"")}>");
        html.Append(body);
        html.Append("</main></body></html>");
        Secure(http, ContentSecurityPolicy, noStore);
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A short page with one message (errors, refusals), with a way on.</summary>
    public static IResult Message(HttpContext http, int status, string title, string message, string? linkHref = null, string? linkText = null)
    {
        var body = $"<section class=\"card narrow message\" data-status=\"{status}\"><h1>{E(title)}</h1><p>{E(message)}</p>" +
                   (linkHref is null ? "" : $"<p><a class=\"button\" href=\"{E(linkHref)}\">{E(linkText ?? "Continue")}</a></p>") +
                   "</section>";
        return Page(http, title, body, status);
    }

    public static IResult Forbidden(HttpContext http) => Message(http, StatusCodes.Status403Forbidden, "Not allowed",
        "Your account's role does not give access to this page.", "/", "Back to your home page");

    public static IResult NotFound(HttpContext http, string what) => Message(http, StatusCodes.Status404NotFound, "Not found",
        $"There is no {what} here that you may see.", "/", "Back to your home page");

    /// <summary>False over plain HTTP when the sign-in cookie is Secure-only: the browser would not send it back.</summary>
    public static bool CookiesWork(HttpContext http) =>
        http.Request.IsHttps
        || http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(CookieSessions.SchemeName).Cookie.SecurePolicy != CookieSecurePolicy.Always;

    /// <summary>The hidden form field that carries the antiforgery token.</summary>
    public static string AntiforgeryInput(HttpContext http) =>
        $"<input type=\"hidden\" name=\"{AntiforgeryField}\" value=\"{E(Token(http))}\">";

    public static void Secure(HttpContext http, string contentSecurityPolicy, bool noStore = false)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = noStore ? "no-store" : "no-cache";
    }

    public static string RoleName(Role role) => role switch
    {
        Role.Admin => "Organisation admin",
        Role.Trainer => "Trainer",
        Role.Hiring => "Hiring manager",
        Role.Trainee => "Trainee",
        _ => role.ToString(),
    };

    public static string OutcomeName(CallOutcome outcome) => outcome switch
    {
        CallOutcome.InProgress => "In progress",
        CallOutcome.Resolved => "Resolved",
        CallOutcome.HungUp => "Customer hung up",
        CallOutcome.Escalated => "Transferred",
        CallOutcome.EndedByAgent => "You ended it",
        CallOutcome.TimeLimit => "Ran out of time",
        CallOutcome.Abandoned => "Abandoned",
        _ => outcome.ToString(),
    };

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    // The same token serves the forms (hidden field) and the scripts (X-CSRF-TOKEN header) of one page.
    private static string Token(HttpContext http)
    {
        if (!CookiesWork(http))
        {
            return "";
        }
        if (http.Items.TryGetValue(typeof(PageLayout), out var stored) && stored is string token)
        {
            return token;
        }
        var fresh = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken ?? "";
        http.Items[typeof(PageLayout)] = fresh;
        return fresh;
    }

    private static string TopBar(Caller? caller, string token, PathString path)
    {
        string Link(string href, string text) =>
            $"<a href=\"{href}\"{(path.Value == href ? " aria-current=\"page\"" : "")}>{text}</a>";
        var bar = new StringBuilder("<header class=\"top\"><a class=\"brand\" href=\"/\"><span class=\"logo\" aria-hidden=\"true\"></span>SimCaller</a><nav>");
        if (caller is null)
        {
            bar.Append(Link("/signin", "Sign in")).Append(Link("/code", "I have a session code")).Append("</nav>");
        }
        else
        {
            bar.Append(Link("/", "Home")).Append(Link("/practice", "Practise a call"));
            bar.Append(Link("/sessions", caller.Role.SeesOrganisationSessions() ? "Calls" : "Your calls"));
            if (SimCaller.Training.AssignmentService.MayAssign(caller.Role)) bar.Append(Link("/assignments", "Assignments"));
            if (caller.Role is Role.Admin or Role.Trainer or Role.Hiring)
            {
                bar.Append(Link("/personas", "Personas"));
            }
            if (Hiring.HiringService.MayHire(caller.Role))
            {
                bar.Append(Link("/campaigns", "Hiring"));
            }
            if (caller.Role == Role.Admin)
            {
                bar.Append(Link("/admin/users", "Users"));
            }
            bar.Append("</nav><div class=\"who\">");
            bar.Append($"<span class=\"email\">{E(caller.Email)}</span><span class=\"role\">{E(RoleName(caller.Role))}</span>");
            bar.Append($"<form method=\"post\" action=\"/signout\"><input type=\"hidden\" name=\"{AntiforgeryField}\" value=\"{E(token)}\"><button type=\"submit\" class=\"link\">Sign out</button></form></div>");
        }
        bar.Append("</header>");
        return bar.ToString();
    }
}
