using System.Net;

namespace SimCaller.Twilio.Tests;

/// <summary>Records each request (with its body read eagerly) and answers with a canned response.</summary>
internal sealed class FakeHttpHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string Body, string? ContentType)> Requests { get; } = [];

    public static FakeHttpHandler Json(HttpStatusCode status, string json) =>
        new(_ => new HttpResponseMessage(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request, body, request.Content?.Headers.ContentType?.ToString()));
        return respond(request);
    }
}
