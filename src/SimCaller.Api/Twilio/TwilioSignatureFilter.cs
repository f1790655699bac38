using Microsoft.Extensions.Options;
using SimCaller.Twilio.Security;

namespace SimCaller.Api.Twilio;

/// <summary>
/// Refuses any webhook not signed by Twilio with our auth token (403), before the endpoint runs, so a
/// forged request changes nothing. The signed URL is the public one: PublicBaseUrl + path + query.
/// A body that is not a form is a 400.
/// </summary>
public sealed class TwilioSignatureFilter(IOptions<TwilioOptions> options, ILogger<TwilioSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.AuthToken))
        {
            logger.LogError("Refusing Twilio webhook {Path}: Twilio:AuthToken is not configured", http.Request.Path);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        if (!http.Request.HasFormContentType)
            return Results.Problem("Twilio webhooks must be application/x-www-form-urlencoded.", statusCode: StatusCodes.Status400BadRequest);

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Results.Problem($"The form body could not be read: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        var url = PublicUrl(http, settings);
        var pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")));
        var signature = http.Request.Headers[TwilioSignature.HeaderName].ToString();
        if (!TwilioSignature.Validate(settings.AuthToken, url, pairs, signature))
        {
            logger.LogWarning("Refusing Twilio webhook {Path}: signature {Problem} for {Url}",
                http.Request.Path, signature.Length == 0 ? "missing" : "does not match", url);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        return await next(context);
    }

    /// <summary>The URL Twilio called. Without PublicBaseUrl, the URL this server saw (direct exposure only).</summary>
    public static string PublicUrl(HttpContext http, TwilioOptions settings)
    {
        var pathAndQuery = http.Request.PathBase.ToUriComponent() + http.Request.Path.ToUriComponent() + http.Request.QueryString.ToUriComponent();
        return string.IsNullOrWhiteSpace(settings.PublicBaseUrl)
            ? $"{http.Request.Scheme}://{http.Request.Host.ToUriComponent()}{pathAndQuery}"
            : settings.Absolute(pathAndQuery);
    }
}
