using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SimCaller.Practice.Storage;

namespace SimCaller.Api;

/// <summary>
/// What the JSON API answers when a request cannot be read or the database is down: a ProblemDetails
/// with the reason (400, 503), never a bare 500. The Twilio webhooks keep their own outage handling.
/// </summary>
public sealed class ApiErrors(IProblemDetailsService problems, ILogger<ApiErrors> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", ReadableReason(bad)),
            StoreUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Database unavailable",
                "The database is not answering; try again shortly."),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }
        if (status >= 500)
        {
            logger.LogError(exception, "{Method} {Path} failed: database unavailable", context.Request.Method, context.Request.Path);
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    // The framework's message names the C# parameter; say what was wrong with the request instead.
    private static string ReadableReason(BadHttpRequestException e) =>
        e.InnerException is System.Text.Json.JsonException json
            ? $"The request body is not the JSON expected: {json.Message}"
            : e.Message;
}
