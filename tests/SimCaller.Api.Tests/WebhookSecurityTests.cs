using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Practice;
using SimCaller.Twilio.Security;

namespace SimCaller.Api.Tests;

// https://www.twilio.com/docs/usage/webhooks/webhooks-security
public sealed class WebhookSecurityTests : IDisposable
{
    private const string TravelerLine = "+15557770001";
    private readonly TempDatabase _db = new();
    private readonly SimCallerApp _app;

    public WebhookSecurityTests()
    {
        _app = new SimCallerApp(_db.Path, new Dictionary<string, string?> { [$"Twilio:Numbers:{TravelerLine}"] = "stressed-traveler" });
    }

    public void Dispose()
    {
        _app.Dispose();
        _db.Dispose();
    }

    private PracticeService Practice => _app.Services.GetRequiredService<PracticeService>();

    [Theory]
    [InlineData("")]
    [InlineData("bm90IGEgcmVhbCBzaWduYXR1cmU=")]
    public async Task Unsigned_or_forged_call_is_refused_and_starts_no_session(string signature)
    {
        var call = new TwilioCallSimulator(_app.CreateClient(), to: TravelerLine);

        using var response = await call.SendAsync("/twilio/voice", call.CallForm("ringing"), signatureOverride: signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await Practice.FindByExternalRefAsync(call.CallSid));
    }

    [Fact]
    public async Task Signature_over_the_internal_url_instead_of_the_public_one_is_refused()
    {
        var call = new TwilioCallSimulator(_app.CreateClient(), to: TravelerLine);
        var form = call.CallForm("ringing");
        var internalSignature = TwilioSignature.Compute(SimCallerApp.AuthToken, "http://localhost/twilio/voice", form);

        using var response = await call.SendAsync("/twilio/voice", form, internalSignature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Signed_with_another_accounts_token_is_refused()
    {
        var call = new TwilioCallSimulator(_app.CreateClient(), to: TravelerLine, authToken: "someone-elses-token");

        using var response = await call.SendAsync("/twilio/voice", call.CallForm("ringing"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Forged_turn_and_forged_hang_up_change_nothing_mid_call()
    {
        var call = new TwilioCallSimulator(_app.CreateClient(), to: TravelerLine);
        await call.DialAsync();
        var before = await Practice.FindByExternalRefAsync(call.CallSid);
        var action = (string)call.Gather!.Attribute("action")!;
        var form = call.CallForm("in-progress");
        form["SpeechResult"] = "calm down, it's just a flight";

        using var forgedTurn = await call.SendAsync(action, form, signatureOverride: "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        var forgedStatus = await call.StatusAsync("completed", signatureOverride: "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        Assert.Equal(HttpStatusCode.Forbidden, forgedTurn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedStatus);
        var after = await Practice.FindByExternalRefAsync(call.CallSid);
        Assert.NotNull(before);
        Assert.Equal(before.TurnCount, after!.TurnCount);
        Assert.False(after.IsOver);
    }

    [Fact]
    public async Task Signed_request_without_CallSid_is_a_bad_request_not_a_crash()
    {
        var call = new TwilioCallSimulator(_app.CreateClient(), to: TravelerLine);
        var form = call.CallForm("ringing");
        form.Remove("CallSid");

        using var response = await call.SendAsync("/twilio/voice", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("CallSid", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Malformed_CallSid_is_a_bad_request()
    {
        var call = new TwilioCallSimulator(_app.CreateClient(), to: TravelerLine);
        var form = call.CallForm("ringing");
        form["CallSid"] = "'; drop table sessions; --";

        using var response = await call.SendAsync("/twilio/voice", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Body_that_is_not_a_form_is_a_bad_request()
    {
        var client = _app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/voice") { Content = new StringContent("{\"CallSid\":1}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(SimCallerApp.AuthToken, SimCallerApp.PublicBaseUrl + "/twilio/voice", []));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/twilio/turn")]
    [InlineData("/twilio/turn?n=abc")]
    [InlineData("/twilio/turn?n=-1")]
    public async Task Turn_without_a_valid_turn_number_is_a_bad_request(string path)
    {
        var call = new TwilioCallSimulator(_app.CreateClient(), to: TravelerLine);
        await call.DialAsync();

        using var response = await call.SendAsync(path, call.CallForm("in-progress"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Status_without_CallStatus_is_a_bad_request()
    {
        var call = new TwilioCallSimulator(_app.CreateClient(), to: TravelerLine);
        var form = call.CallForm("completed");
        form.Remove("CallStatus");

        using var response = await call.SendAsync("/twilio/status", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Status_for_a_call_that_never_started_a_session_is_accepted_quietly()
    {
        var call = new TwilioCallSimulator(_app.CreateClient(), to: TravelerLine);

        Assert.Equal(HttpStatusCode.NoContent, await call.StatusAsync("no-answer"));
        Assert.Null(await Practice.FindByExternalRefAsync(call.CallSid));
    }

    [Fact]
    public async Task Health_answers_and_unknown_debriefs_and_audio_are_not_found()
    {
        var client = _app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/debriefs/not-a-real-token")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/audio/..%2Fsimcaller.db")).StatusCode);
    }
}
