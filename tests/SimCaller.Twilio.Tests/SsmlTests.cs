using System.Xml.Linq;
using SimCaller.Speech.Ssml;
using SimCaller.Twilio.Twiml;

namespace SimCaller.Twilio.Tests;

public class SsmlTests
{
    // Polly neural voices: no pitch, no emphasis (https://docs.aws.amazon.com/polly/latest/dg/supportedtags.html)
    [Fact]
    public void Neural_polly_voice_gets_rate_and_volume_only()
    {
        var fragment = TwilioSsml.Say("I want my refund", 85, "Polly.Joanna-Neural");

        var prosody = XElement.Parse(fragment);
        Assert.Equal("prosody", prosody.Name.LocalName);
        Assert.NotNull(prosody.Attribute("rate"));
        Assert.NotNull(prosody.Attribute("volume"));
        Assert.Null(prosody.Attribute("pitch"));
        Assert.DoesNotContain("emphasis", fragment);
        Assert.Equal("I want my refund", prosody.Value);
    }

    [Fact]
    public void Standard_polly_voice_also_gets_pitch()
    {
        var prosody = XElement.Parse(TwilioSsml.Say("Fine.", 85, "Polly.Joanna"));

        Assert.NotNull(prosody.Attribute("pitch"));
    }

    [Fact]
    public void Say_fragment_escapes_text_and_fits_inside_a_TwiML_Say()
    {
        var fragment = TwilioSsml.Say("Fees & <charges>?", 40, "Polly.Matthew-Neural");

        var say = XDocument.Parse(new TwimlResponse().SaySsml(fragment, new SayOptions("Polly.Matthew-Neural")).ToXml()).Root!.Element("Say")!;
        Assert.Equal("Fees & <charges>?", say.Value);
    }

    [Fact]
    public void Non_polly_voices_get_plain_escaped_text()
    {
        var fragment = TwilioSsml.Say("A & B", 90, "Google.en-US-Standard-C");

        Assert.Equal("A &amp; B", fragment);
    }

    [Fact]
    public void Azure_document_has_voice_language_style_and_prosody()
    {
        var doc = XElement.Parse(AzureSsml.Build("This is the third time I've called!", "en-US-JennyNeural", 72, "en-US"));

        Assert.Equal(AzureSsml.Synthesis + "speak", doc.Name);
        Assert.Equal("1.0", (string?)doc.Attribute("version"));
        Assert.Equal("en-US", (string?)doc.Attribute(XNamespace.Xml + "lang"));
        var voice = doc.Element(AzureSsml.Synthesis + "voice")!;
        Assert.Equal("en-US-JennyNeural", (string?)voice.Attribute("name"));
        var expressAs = voice.Element(AzureSsml.Mstts + "express-as")!;
        Assert.Equal("angry", (string?)expressAs.Attribute("style"));
        var degree = double.Parse((string)expressAs.Attribute("styledegree")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(degree, 0.01, 2.0);
        var prosody = expressAs.Element(AzureSsml.Synthesis + "prosody")!;
        Assert.NotNull(prosody.Attribute("pitch"));
        Assert.Equal("This is the third time I've called!", prosody.Value);
    }

    [Fact]
    public void Azure_style_is_dropped_for_a_voice_without_it()
    {
        var doc = XElement.Parse(AzureSsml.Build("Hello", "en-GB-RyanNeural", 95, "en-GB", supportedStyles: ["cheerful", "chat"]));

        Assert.Empty(doc.Descendants(AzureSsml.Mstts + "express-as"));
        Assert.NotEmpty(doc.Descendants(AzureSsml.Synthesis + "prosody"));
    }

    [Fact]
    public void Azure_text_is_escaped()
    {
        var doc = XElement.Parse(AzureSsml.Build("5 < 6 & \"quotes\"", "en-US-GuyNeural", 10));

        Assert.Equal("5 < 6 & \"quotes\"", doc.Value);
    }
}
