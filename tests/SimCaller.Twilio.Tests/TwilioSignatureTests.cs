using SimCaller.Twilio.Security;

namespace SimCaller.Twilio.Tests;

// https://www.twilio.com/docs/usage/webhooks/webhooks-security
public class TwilioSignatureTests
{
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string KnownSignature = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    private static readonly KeyValuePair<string, string>[] Form =
    [
        new("To", "+18005551212"),
        new("CallSid", "CA1234567890ABCDE"),
        new("From", "+12349013030"),
        new("Digits", "1234"),
        new("Caller", "+12349013030"),
    ];

    [Fact]
    public void Compute_matches_Twilios_documented_vector()
    {
        Assert.Equal(KnownSignature, TwilioSignature.Compute(Token, Url, Form));
    }

    [Fact]
    public void Validate_accepts_the_documented_vector()
    {
        Assert.True(TwilioSignature.Validate(Token, Url, Form, KnownSignature));
    }

    [Fact]
    public void Validate_rejects_a_changed_parameter_wrong_token_or_missing_signature()
    {
        var tampered = Form.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "9999") : p);

        Assert.False(TwilioSignature.Validate(Token, Url, tampered, KnownSignature));
        Assert.False(TwilioSignature.Validate("54321", Url, Form, KnownSignature));
        Assert.False(TwilioSignature.Validate(Token, Url, Form, null));
        Assert.False(TwilioSignature.Validate(Token, Url, Form, ""));
        Assert.False(TwilioSignature.Validate(Token, Url + "&x=1", Form, KnownSignature));
    }

    [Fact]
    public void Validate_accepts_the_url_with_the_default_port_added_or_removed()
    {
        var signedWithPort = TwilioSignature.Compute(Token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", Form);

        Assert.True(TwilioSignature.Validate(Token, Url, Form, signedWithPort));
        Assert.True(TwilioSignature.Validate(Token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", Form, KnownSignature));
    }

    [Fact]
    public void Validate_does_not_treat_a_non_default_port_as_equivalent()
    {
        var signed = TwilioSignature.Compute(Token, "https://mycompany.com:8443/myapp.php?foo=1&bar=2", Form);

        Assert.False(TwilioSignature.Validate(Token, Url, Form, signed));
    }

    [Fact]
    public void Http_urls_toggle_port_80()
    {
        var signed = TwilioSignature.Compute(Token, "http://example.org/twilio/voice", []);

        Assert.True(TwilioSignature.Validate(Token, "http://example.org:80/twilio/voice", [], signed));
    }
}
