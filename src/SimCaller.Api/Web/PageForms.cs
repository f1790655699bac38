using Microsoft.AspNetCore.Antiforgery;

namespace SimCaller.Api.Web;

/// <summary>Posted forms: read only when they carry a valid antiforgery token.</summary>
internal static class PageForms
{
    /// <summary>The form, or null when the request is not a form or its antiforgery token is missing or wrong.</summary>
    public static async Task<IFormCollection?> ReadValidAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType || !PageLayout.CookiesWork(http))
        {
            return null;
        }
        try
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(http) ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            // A body that is not a readable form is refused like a forged one.
            return null;
        }
    }

    public static IResult Expired(HttpContext http) => PageLayout.Message(http, StatusCodes.Status400BadRequest, "Please try again",
        "This form was out of date or not sent from this site (its security token did not match). Open the page again and resend it.",
        // Back to the page the form was on: a form's action is often a POST-only address.
        http.Request.Path.StartsWithSegments("/admin") ? "/admin/users" : http.Request.Path.StartsWithSegments("/signin") ? "/signin" : "/",
        "Open the page again");

    /// <summary>Only a path on this site: an open redirect to somewhere else would make the sign-in page a phishing tool.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 and < 2000 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\n') && !url.Contains('\r')
            ? url
            : "/";
}
