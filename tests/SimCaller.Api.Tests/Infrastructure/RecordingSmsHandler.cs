using System.Collections.Concurrent;
using System.Net;
using System.Web;

namespace SimCaller.Api.Tests.Infrastructure;

/// <summary>Plays Twilio's REST API for Messages.json: records each text and answers 201 (or a canned error).</summary>
public sealed class RecordingSmsHandler : HttpMessageHandler
{
    public ConcurrentQueue<SentSms> Sent { get; } = new();
    public HttpStatusCode Status { get; set; } = HttpStatusCode.Created;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = HttpUtility.ParseQueryString(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
        Sent.Enqueue(new SentSms(request.RequestUri!, request.Headers.Authorization?.ToString() ?? "", form["To"] ?? "", form["From"] ?? "", form["Body"] ?? ""));
        var json = Status == HttpStatusCode.Created
            ? """{"sid":"SM00000000000000000000000000000001","status":"queued"}"""
            : """{"code":21610,"message":"Attempt to send to unsubscribed recipient","status":400}""";
        return new HttpResponseMessage(Status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
    }
}

public sealed record SentSms(Uri Uri, string Authorization, string To, string From, string Body);
