using System.Globalization;
using SimCaller.Api.Twilio.Relay;
using SimCaller.Twilio.Logging;
using SimCaller.Twilio.Twiml;

namespace SimCaller.Api.Twilio;

/// <summary>
/// The Twilio webhooks. Every one sits behind <see cref="TwilioSignatureFilter"/> and then
/// <see cref="DatabaseOutageFilter"/>; a form without a valid CallSid, or a bad counter in the query, is a
/// 400 before anything is looked up.
/// </summary>
public static class TwilioWebhooks
{
    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        // Signature first: a forged request is refused before anything else, outage handling included.
        var group = app.MapGroup(TwilioPaths.Group)
            .AddEndpointFilter<TwilioSignatureFilter>()
            .AddEndpointFilter<DatabaseOutageFilter>();

        group.MapPost("/voice", (HttpContext http, PhoneCallFlow flow) =>
            Handle(http, "attempt", (call, attempt, ct) => flow.AnswerAsync(call, attempt, ct)));
        group.MapPost("/menu", (HttpContext http, PhoneCallFlow flow) =>
            Handle(http, "attempt", (call, attempt, ct) => flow.ChooseAsync(call, attempt, ct)));
        group.MapPost("/code", (HttpContext http, PhoneCallFlow flow) =>
            Handle(http, "attempt", (call, attempt, ct) => flow.EnterCodeAsync(call, attempt, ct)));
        group.MapPost("/turn", (HttpContext http, PhoneCallFlow flow) =>
            Handle(http, "n", (call, n, ct) => flow.TurnAsync(call, n, http.Request.Query.ContainsKey("retry"), ct), required: true));
        group.MapPost("/relay/action", async (HttpContext http, PhoneCallFlow flow) =>
        {
            if (!TryReadCall(http, out var call, out var problem)) return problem;
            using var scope = CallScope(http, call);
            var form = http.Request.Form;
            var twiml = await flow.RelayEndedAsync(call, form["SessionStatus"].ToString(), form["HandoffData"].ToString(), http.RequestAborted);
            return Results.Content(twiml.ToXml(), TwimlResponse.ContentType);
        });
        // The relay WebSocket checks the upgrade's signature itself: it has no form to sign.
        app.Map(TwilioPaths.Relay, RelayEndpoint.HandleAsync);
        group.MapPost("/status", async (HttpContext http, PhoneCallFlow flow) =>
        {
            if (!TryReadCall(http, out var call, out var problem)) return problem;
            if (call.CallStatus is null) return Results.Problem("CallStatus is missing.", statusCode: StatusCodes.Status400BadRequest);
            using var scope = CallScope(http, call);
            await flow.StatusAsync(call, http.RequestAborted);
            return Results.NoContent();
        });
        return app;
    }

    private static async Task<IResult> Handle(HttpContext http, string counterName,
        Func<TwilioCallForm, int, CancellationToken, Task<TwimlResponse>> step, bool required = false)
    {
        if (!TryReadCall(http, out var call, out var problem)) return problem;
        var raw = http.Request.Query[counterName].ToString();
        var counter = 1;
        if ((raw.Length > 0 || required)
            && !(int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out counter) && counter is >= 1 and <= 10_000))
        {
            return Results.Problem($"Query parameter '{counterName}' must be a whole number from 1.", statusCode: StatusCodes.Status400BadRequest);
        }
        using var scope = CallScope(http, call);
        var twiml = await step(call, counter, http.RequestAborted);
        return Results.Content(twiml.ToXml(), TwimlResponse.ContentType);
    }

    private static bool TryReadCall(HttpContext http, out TwilioCallForm call, out IResult problem)
    {
        // The signature filter has read the form already; this is the cached copy.
        if (TwilioCallForm.TryRead(http.Request.Form, out call, out var message))
        {
            problem = Results.Empty;
            return true;
        }
        problem = Results.Problem(message, statusCode: StatusCodes.Status400BadRequest);
        return false;
    }

    private static IDisposable? CallScope(HttpContext http, TwilioCallForm call)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SimCaller.Api.Twilio");
        return logger.BeginScope(new Dictionary<string, object?>
        {
            ["CallSid"] = call.CallSid,
            ["From"] = PhoneNumberMasker.Mask(call.From),
        });
    }
}
