using SimCaller.Practice.Storage;
using SimCaller.Twilio.Twiml;

namespace SimCaller.Api.Twilio;

/// <summary>
/// Keeps the call when the database fails or does not answer in time (the store's deadline is
/// Twilio:DatabaseTimeoutSeconds): instead of a 500, which Twilio plays as "an application error has
/// occurred" before hanging up, the caller hears <see cref="LineBrokeUp"/> and the same step is asked
/// again. The components behind it know nothing of this; they just let the outage through.
/// </summary>
public sealed class DatabaseOutageFilter(CallOutageLog outages) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // The signature filter has read the form already; a webhook without a CallSid never reaches the store.
        var callSid = http.Request.Form["CallSid"].ToString().Trim();
        try
        {
            var result = await next(context);
            outages.Answered(callSid);
            return result;
        }
        catch (StoreUnavailableException outage) when (!http.RequestAborted.IsCancellationRequested)
        {
            var path = http.Request.Path.Value ?? "";
            outages.Failed(callSid, path, outage);
            // A status callback has no caller to talk to; 503 says the database, not the request, was the problem.
            if (path == TwilioPaths.Status) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            return Results.Content(LineBrokeUp.For(path, http.Request.Query).ToXml(), TwimlResponse.ContentType);
        }
    }
}
