using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Tests.WebApi;

namespace SimCaller.Api.Tests.Web;

/// <summary>The pages over HTTP as a browser uses them: HTTPS (the cookies are Secure), no redirects followed, forms with their antiforgery token.</summary>
internal static partial class PageClient
{
    public static HttpClient Browser(this SimCallerApp app) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
    });

    /// <summary>A browser signed in through the sign-in page (a cookie, as the pages use).</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(this SimCallerApp app, string email, string password = ApiClient.Password)
    {
        var browser = app.Browser();
        var signedIn = await PostFormAsync(browser, "/signin", "/signin", ("email", email), ("password", password), ("returnUrl", "/"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    /// <summary>The antiforgery token of the form on <paramref name="page"/>.</summary>
    public static async Task<string> TokenAsync(HttpClient browser, string page)
    {
        var token = TokenField().Match(await (await browser.GetAsync(page)).Content.ReadAsStringAsync());
        Assert.True(token.Success, $"no antiforgery token on {page}");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>Opens the page the form is on (for its antiforgery token), then posts the form as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string action, params (string Name, string Value)[] fields) =>
        await browser.PostAsync(action, Form([.. fields, ("__RequestVerificationToken", await TokenAsync(browser, page))]));

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    public static partial Regex TokenField();
}
