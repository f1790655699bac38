using System.Net;
using System.Text;
using SimCaller.Twilio.Rest;

namespace SimCaller.Twilio.Tests;

// https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
public class TwilioRestClientTests
{
    private const string AccountSid = "AC00000000000000000000000000000001";
    private static readonly TwilioCredentials Credentials = new(AccountSid, "secret-token");

    [Fact]
    public async Task SendSms_posts_the_form_to_Messages_json_with_basic_auth()
    {
        var handler = FakeHttpHandler.Json(HttpStatusCode.Created, """{"sid":"SM123","status":"queued","to":"+15551231212"}""");
        var client = new TwilioRestClient(new HttpClient(handler), Credentials);

        var message = await client.SendSmsAsync("+15551231212", "+15550001111", "Your debrief: https://x.test/debriefs/abc?a=1&b=2");

        Assert.Equal("SM123", message.Sid);
        Assert.Equal("queued", message.Status);
        var (request, body, contentType) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages.json", request.RequestUri!.ToString());
        Assert.Equal("Basic", request.Headers.Authorization!.Scheme);
        Assert.Equal($"{AccountSid}:secret-token", Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization.Parameter!)));
        Assert.StartsWith("application/x-www-form-urlencoded", contentType);
        var form = System.Web.HttpUtility.ParseQueryString(body);
        Assert.Equal("+15551231212", form["To"]);
        Assert.Equal("+15550001111", form["From"]);
        Assert.Equal("Your debrief: https://x.test/debriefs/abc?a=1&b=2", form["Body"]);
    }

    [Fact]
    public async Task Api_key_credentials_authenticate_as_the_key_but_address_the_account()
    {
        var handler = FakeHttpHandler.Json(HttpStatusCode.Created, """{"sid":"SM1"}""");
        var client = new TwilioRestClient(new HttpClient(handler), new TwilioCredentials(AccountSid, "key-secret", "SK42"));

        await client.SendSmsAsync("+15551231212", "+15550001111", "hi");

        var request = handler.Requests.Single().Request;
        Assert.Contains($"/Accounts/{AccountSid}/", request.RequestUri!.AbsolutePath);
        Assert.Equal("SK42:key-secret", Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization!.Parameter!)));
    }

    [Fact]
    public async Task Twilio_errors_surface_code_and_message()
    {
        var handler = FakeHttpHandler.Json(HttpStatusCode.BadRequest,
            """{"code":21211,"message":"The 'To' number +1555 is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}""");
        var client = new TwilioRestClient(new HttpClient(handler), Credentials);

        var ex = await Assert.ThrowsAsync<TwilioApiException>(() => client.SendSmsAsync("+1555", "+15550001111", "hi"));

        Assert.Equal(HttpStatusCode.BadRequest, ex.Status);
        Assert.Equal(21211, ex.Code);
        Assert.Contains("not a valid phone number", ex.Message);
        Assert.Equal("https://www.twilio.com/docs/errors/21211", ex.MoreInfo);
    }

    [Fact]
    public async Task Non_json_errors_still_become_a_TwilioApiException()
    {
        var handler = new FakeHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>") });
        var client = new TwilioRestClient(new HttpClient(handler), Credentials);

        var ex = await Assert.ThrowsAsync<TwilioApiException>(() => client.SendSmsAsync("+15551231212", "+15550001111", "hi"));

        Assert.Equal(HttpStatusCode.BadGateway, ex.Status);
        Assert.Null(ex.Code);
        Assert.Contains("bad gateway", ex.Message);
    }

    [Fact]
    public void Missing_credentials_are_refused_up_front()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TwilioRestClient(new HttpClient(), new TwilioCredentials("", "x")));
        Assert.ThrowsAny<ArgumentException>(() => new TwilioRestClient(new HttpClient(), new TwilioCredentials(AccountSid, " ")));
    }

    [Fact]
    public void Credentials_do_not_print_the_secret()
    {
        Assert.DoesNotContain("secret-token", Credentials.ToString());
    }
}
