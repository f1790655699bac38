using Microsoft.Extensions.Options;
using SimCaller.Api.Twilio;
using SimCaller.Core.Calls;
using SimCaller.Practice;
using SimCaller.Twilio.Logging;
using SimCaller.Twilio.Rest;

namespace SimCaller.Api.Debriefs;

/// <summary>
/// Texts the trainee the link to their debrief when Twilio:SmsFrom and Twilio:AccountSid are set.
/// A failed text is logged and swallowed: it must never break the webhook that ended the call.
/// </summary>
public sealed class DebriefLinkSender(IHttpClientFactory httpClients, IOptions<TwilioOptions> options, ILogger<DebriefLinkSender> logger)
{
    public const string HttpClientName = "twilio-rest";
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);

    public async Task SendAsync(string? trainee, SessionEnded ended, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var link = settings.Absolute(DebriefEndpoints.PathFor(ended.DebriefToken));
        if (!settings.CanSendSms || string.IsNullOrWhiteSpace(trainee) || !trainee.TrimStart().StartsWith('+'))
        {
            logger.LogInformation("Debrief ready at {DebriefPath} ({Outcome}); no text sent", DebriefEndpoints.PathFor(ended.DebriefToken), ended.Outcome.ToId());
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SendTimeout);
        try
        {
            var client = new TwilioRestClient(httpClients.CreateClient(HttpClientName), new TwilioCredentials(settings.AccountSid, settings.AuthToken));
            var body = $"Your SimCaller practice call is over ({ended.Outcome.ToId().Replace('_', ' ')}). Your debrief: {link}";
            var message = await client.SendSmsAsync(trainee, settings.SmsFrom, body, timeout.Token);
            logger.LogInformation("Debrief link texted to {Trainee} as {MessageSid}", PhoneNumberMasker.Mask(trainee), message.Sid);
        }
        catch (Exception ex) when (ex is TwilioApiException or HttpRequestException or OperationCanceledException or ArgumentException)
        {
            logger.LogWarning(ex, "Could not text the debrief link to {Trainee}", PhoneNumberMasker.Mask(trainee));
        }
    }
}
