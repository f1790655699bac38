using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using SimCaller.Speech.Ssml;
using SimCaller.Twilio.Relay;
using SimCaller.Twilio.Twiml;

namespace SimCaller.Twilio.Tests;

// Message shapes: https://www.twilio.com/docs/voice/conversationrelay/websocket-messages and
// shared/reference/protocols.md section 6 (checked against live calls).
public class ConversationRelayProtocolTests
{
    private static RelayInbound Parse(string json)
    {
        Assert.True(RelayParser.TryParse(Encoding.UTF8.GetBytes(json), out var message, out var problem), problem);
        return message!;
    }

    private static string Refused(string json)
    {
        Assert.False(RelayParser.TryParse(Encoding.UTF8.GetBytes(json), out var message, out var problem));
        Assert.Null(message);
        Assert.NotEmpty(problem);
        return problem;
    }

    [Fact]
    public void Setup_carries_the_call_and_its_custom_parameters()
    {
        var setup = Assert.IsType<RelaySetup>(Parse("""
            {"type":"setup","sessionId":"VX00000000000000000000000000000001","accountSid":"AC0123456789abcdef0123456789abcdef",
             "parentCallSid":"","callSid":"CA0123456789abcdef0123456789abcdef","from":"+15551231212","to":"+15557770001",
             "forwardedFrom":"+15557770001","callerName":"","direction":"inbound","callType":"PSTN","callStatus":"RINGING",
             "customParameters":{"code":"1234"}}
            """));
        Assert.Equal("CA0123456789abcdef0123456789abcdef", setup.CallSid);
        Assert.Equal("VX00000000000000000000000000000001", setup.SessionId);
        Assert.Equal("RINGING", setup.CallStatus);
        Assert.Equal("1234", setup.CustomParameters["code"]);
    }

    [Fact]
    public void Prompts_are_partial_until_last()
    {
        var partial = Assert.IsType<RelayPrompt>(Parse("""{"type":"prompt","voicePrompt":"I understand","lang":"en-US","last":false}"""));
        Assert.False(partial.Last);
        var final = Assert.IsType<RelayPrompt>(Parse("""{"type":"prompt","voicePrompt":"I understand how you feel.","lang":"en-US","last":true}"""));
        Assert.True(final.Last);
        Assert.Equal("I understand how you feel.", final.VoicePrompt);
    }

    [Theory]
    [InlineData("""{"type":"interrupt","utteranceUntilInterrupt":"You people","durationUntilInterruptMs":1250}""", 1250)]
    [InlineData("""{"type":"interrupt","utteranceUntilInterrupt":"You people","durationUntilInterruptMs":"1250"}""", 1250)]
    [InlineData("""{"type":"interrupt","utteranceUntilInterrupt":"You people"}""", null)]
    public void Interrupt_duration_is_read_as_a_number_or_a_string(string json, int? expected)
    {
        var interrupt = Assert.IsType<RelayInterrupt>(Parse(json));
        Assert.Equal("You people", interrupt.UtteranceUntilInterrupt);
        Assert.Equal(expected, interrupt.DurationUntilInterruptMs);
    }

    [Fact]
    public void Dtmf_error_and_info_are_read()
    {
        Assert.Equal("#", Assert.IsType<RelayDtmf>(Parse("""{"type":"dtmf","digit":"#"}""")).Digit);
        Assert.Equal("Invalid message", Assert.IsType<RelayError>(Parse("""{"type":"error","description":"Invalid message"}""")).Description);
        var info = Assert.IsType<RelayInfo>(Parse("""{"type":"info","name":"agentSpeaking","value":"on"}"""));
        Assert.Equal(("agentSpeaking", "on"), (info.Name, info.Value));
    }

    [Theory]
    [InlineData("not json at all", "not JSON")]
    [InlineData("[1,2,3]", "expected a JSON object")]
    [InlineData("""{"voicePrompt":"hi"}""", "no \"type\"")]
    [InlineData("""{"type":"dance"}""", "unknown type \"dance\"")]
    [InlineData("""{"type":"prompt","last":true}""", "no \"voicePrompt\"")]
    [InlineData("""{"type":"prompt","voicePrompt":42}""", "\"voicePrompt\" must be a string")]
    [InlineData("""{"type":"prompt","voicePrompt":"hi","last":"maybe"}""", "\"last\" must be true or false")]
    [InlineData("""{"type":"interrupt","utteranceUntilInterrupt":"x","durationUntilInterruptMs":"soon"}""", "durationUntilInterruptMs")]
    [InlineData("""{"type":"dtmf","digit":"12"}""", "one key")]
    [InlineData("""{"type":"setup","callSid":"CA123"}""", "callSid")]
    public void Malformed_messages_come_back_with_a_reason(string json, string reason)
    {
        Assert.Contains(reason, Refused(json));
    }

    [Fact]
    public void Text_tokens_and_end_are_written_as_ConversationRelay_expects()
    {
        using var text = JsonDocument.Parse(RelayOutbound.Text("Stop. ", last: false, interruptible: false));
        Assert.Equal("text", text.RootElement.GetProperty("type").GetString());
        Assert.Equal("Stop. ", text.RootElement.GetProperty("token").GetString());
        Assert.False(text.RootElement.GetProperty("last").GetBoolean());
        Assert.False(text.RootElement.GetProperty("interruptible").GetBoolean());
        Assert.False(text.RootElement.TryGetProperty("preemptible", out _));

        using var end = JsonDocument.Parse(RelayOutbound.End("""{"reason":"ended"}"""));
        Assert.Equal("end", end.RootElement.GetProperty("type").GetString());
        Assert.Equal("""{"reason":"ended"}""", end.RootElement.GetProperty("handoffData").GetString());
    }

    [Fact]
    public void ConversationRelay_twiml_carries_every_setting_in_twilios_spelling()
    {
        var xml = new TwimlResponse().ConnectConversationRelay(new ConversationRelayOptions
        {
            Url = "wss://practice.example.org/twilio/relay",
            Action = "/twilio/relay/action",
            TtsProvider = "Amazon",
            Voice = "Brian-Neural",
            Language = "en-GB",
            Hints = ["broadband", "engineer"],
        }).ToXml();
        var connect = XDocument.Parse(xml).Root!.Element("Connect")!;
        Assert.Equal("/twilio/relay/action", (string?)connect.Attribute("action"));
        var relay = connect.Element("ConversationRelay")!;
        Assert.Equal("wss://practice.example.org/twilio/relay", (string?)relay.Attribute("url"));
        Assert.Equal("Amazon", (string?)relay.Attribute("ttsProvider"));
        Assert.Equal("Brian-Neural", (string?)relay.Attribute("voice"));
        Assert.Equal("en-GB", (string?)relay.Attribute("language"));
        Assert.Equal("false", (string?)relay.Attribute("profanityFilter"));
        Assert.Equal("true", (string?)relay.Attribute("partialPrompts"));
        Assert.Equal("any", (string?)relay.Attribute("reportInputDuringAgentSpeech"));
        Assert.Equal("any", (string?)relay.Attribute("interruptible"));
        Assert.Equal("true", (string?)relay.Attribute("dtmfDetection"));
        Assert.Equal("broadband, engineer", (string?)relay.Attribute("hints"));
    }

    [Theory]
    [InlineData("https://practice.example.org/twilio/relay")]
    [InlineData("wss://practice.example.org/twilio/relay?session=1")]
    [InlineData("relay")]
    public void ConversationRelay_refuses_a_url_twilio_would_not_dial_or_sign(string url)
    {
        Assert.Throws<ArgumentException>(() => new TwimlResponse().ConnectConversationRelay(new ConversationRelayOptions { Url = url }));
    }

    [Fact]
    public void Tokens_follow_the_mood_for_google_and_amazon_but_not_elevenlabs()
    {
        var amazon = XElement.Parse(RelaySsml.Token("Where is my engineer?", 90, "amazon", "Brian-Neural"));
        Assert.Equal("prosody", amazon.Name.LocalName);
        Assert.Null(amazon.Attribute("pitch")); // neural Polly voices take no pitch
        var calm = XElement.Parse(RelaySsml.Token("Where is my engineer?", 5, "amazon", "Brian-Neural"));
        Assert.True(int.Parse(((string)amazon.Attribute("rate")!).TrimEnd('%')) > int.Parse(((string)calm.Attribute("rate")!).TrimEnd('%')));

        Assert.NotNull(XElement.Parse(RelaySsml.Token("Fine.", 90, "google", "en-US-Neural2-F")).Attribute("pitch"));
        Assert.Equal("Fine & dandy.", RelaySsml.Token("Fine & dandy.", 90, "elevenlabs", "ZF6FPAbjXT4488VcRRnw"));
        Assert.Equal("Fine.", RelaySsml.Token("Fine.", 90, "google", "en-US-Journey-O"));
        Assert.Contains("&amp;", RelaySsml.Token("Tom & Jerry", 90, "amazon", "Amy-Neural"));
    }

    [Fact]
    public void The_upgrade_signature_covers_the_wss_url_alone()
    {
        const string token = "12345";
        const string url = "wss://practice.example.org/twilio/relay";
        var signature = Security.TwilioSignature.Compute(token, url, []);
        Assert.True(Security.TwilioSignature.Validate(token, url, [], signature));
        Assert.False(Security.TwilioSignature.Validate(token, "https://practice.example.org/twilio/relay", [], signature));
    }
}
