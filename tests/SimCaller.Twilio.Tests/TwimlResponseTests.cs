using System.Xml.Linq;
using SimCaller.Twilio.Twiml;

namespace SimCaller.Twilio.Tests;

// https://www.twilio.com/docs/voice/twiml
public class TwimlResponseTests
{
    private static XElement Parse(TwimlResponse response) => XDocument.Parse(response.ToXml()).Root!;

    [Fact]
    public void Say_escapes_text_so_the_document_stays_valid()
    {
        var root = Parse(new TwimlResponse().Say("Tom & Jerry <said> \"hi\"", new SayOptions("Polly.Joanna-Neural", "en-US")));

        var say = Assert.Single(root.Elements("Say"));
        Assert.Equal("Tom & Jerry <said> \"hi\"", say.Value);
        Assert.Equal("Polly.Joanna-Neural", (string?)say.Attribute("voice"));
        Assert.Equal("en-US", (string?)say.Attribute("language"));
        Assert.Empty(say.Elements());
    }

    [Fact]
    public void Document_starts_with_an_xml_declaration_and_a_Response_root()
    {
        var xml = new TwimlResponse().Hangup().ToXml();

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><Response>", xml, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("<Hangup /></Response>", xml);
    }

    [Fact]
    public void SaySsml_nests_the_ssml_elements_inside_Say()
    {
        var root = Parse(new TwimlResponse().SaySsml("<prosody rate=\"110%\">Where is my bag?</prosody><break time=\"300ms\"/>"));

        var say = root.Element("Say")!;
        Assert.Equal("110%", (string?)say.Element("prosody")!.Attribute("rate"));
        Assert.Equal("Where is my bag?", say.Element("prosody")!.Value);
        Assert.NotNull(say.Element("break"));
    }

    [Fact]
    public void SaySsml_rejects_a_broken_fragment_with_a_clear_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TwimlResponse().SaySsml("<prosody>unclosed"));
        Assert.Contains("SSML fragment is not well-formed", ex.Message);
    }

    // https://www.twilio.com/docs/voice/twiml/gather#attributes
    [Fact]
    public void Gather_for_speech_carries_the_listening_attributes_and_nested_prompts()
    {
        var root = Parse(new TwimlResponse().Gather(new GatherOptions
        {
            Input = "speech",
            Action = "/twilio/turn?n=2&t=x",
            Timeout = 6,
            Language = "en-GB",
            Hints = ["refund", "booking reference"],
            ActionOnEmptyResult = true,
        }, g => g.Say("Hello?").Play("https://example.org/a.wav")));

        var gather = root.Element("Gather")!;
        Assert.Equal("speech", (string?)gather.Attribute("input"));
        Assert.Equal("/twilio/turn?n=2&t=x", (string?)gather.Attribute("action"));
        Assert.Equal("POST", (string?)gather.Attribute("method"));
        Assert.Equal("auto", (string?)gather.Attribute("speechTimeout"));
        Assert.Equal("6", (string?)gather.Attribute("timeout"));
        Assert.Equal("en-GB", (string?)gather.Attribute("language"));
        Assert.Equal("refund, booking reference", (string?)gather.Attribute("hints"));
        Assert.Equal("true", (string?)gather.Attribute("actionOnEmptyResult"));
        Assert.Null(gather.Attribute("enhanced"));
        Assert.Null(gather.Attribute("speechModel"));
        Assert.Equal(["Say", "Play"], gather.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Gather_hints_stay_within_Twilio_limits()
    {
        var many = Enumerable.Range(0, 600).Select(i => $"word{i}").Append(new string('x', 101)).Append("a, b").ToList();

        var hints = (string)Parse(new TwimlResponse().Gather(new GatherOptions { Hints = many })).Element("Gather")!.Attribute("hints")!;

        var entries = hints.Split(", ");
        Assert.Equal(GatherOptions.MaxHints, entries.Length);
        Assert.All(entries, e => Assert.True(e.Length <= GatherOptions.MaxHintLength));
    }

    [Fact]
    public void Gather_rejects_speechModel_with_auto_timeout()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new TwimlResponse().Gather(new GatherOptions { SpeechModel = "phone_call" }));
        Assert.Contains("speechModel", ex.Message);
    }

    [Fact]
    public void Gather_with_speechModel_uses_whole_seconds()
    {
        var gather = Parse(new TwimlResponse().Gather(new GatherOptions { SpeechModel = "experimental_conversations", SpeechTimeout = "2" })).Element("Gather")!;

        Assert.Equal("2", (string?)gather.Attribute("speechTimeout"));
        Assert.Equal("experimental_conversations", (string?)gather.Attribute("speechModel"));
    }

    [Theory]
    [InlineData("voice")]
    [InlineData("0")]
    [InlineData("1.5")]
    public void Gather_rejects_nonsense_input_and_timeouts(string bad)
    {
        Assert.Throws<ArgumentException>(() => new TwimlResponse().Gather(new GatherOptions { SpeechTimeout = bad }));
        Assert.Throws<ArgumentException>(() => new TwimlResponse().Gather(new GatherOptions { Input = bad }));
    }

    [Fact]
    public void Keypad_menu_gather_has_digits_and_no_speech_attributes()
    {
        var gather = Parse(new TwimlResponse().Gather(new GatherOptions { Input = "dtmf", NumDigits = 1, Hints = ["x"] })).Element("Gather")!;

        Assert.Equal("1", (string?)gather.Attribute("numDigits"));
        Assert.Null(gather.Attribute("speechTimeout"));
        Assert.Null(gather.Attribute("hints"));
    }

    [Fact]
    public void Redirect_pause_dial_and_hangup_render_as_Twilio_expects()
    {
        var root = Parse(new TwimlResponse()
            .Pause(2)
            .Redirect("/twilio/voice?step=menu")
            .Dial("+15551234567", timeoutSeconds: 20)
            .Hangup());

        Assert.Equal(["Pause", "Redirect", "Dial", "Hangup"], root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("2", (string?)root.Element("Pause")!.Attribute("length"));
        Assert.Equal("POST", (string?)root.Element("Redirect")!.Attribute("method"));
        Assert.Equal("/twilio/voice?step=menu", root.Element("Redirect")!.Value);
        Assert.Equal("+15551234567", root.Element("Dial")!.Element("Number")!.Value);
        Assert.Equal("20", (string?)root.Element("Dial")!.Attribute("timeout"));
    }

    [Fact]
    public void Empty_urls_and_numbers_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new TwimlResponse().Play(" "));
        Assert.Throws<ArgumentException>(() => new TwimlResponse().Redirect(""));
        Assert.Throws<ArgumentException>(() => new TwimlResponse().Dial(""));
    }
}
