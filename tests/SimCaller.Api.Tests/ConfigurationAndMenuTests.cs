using Microsoft.Extensions.Configuration;
using SimCaller.Api.Twilio;
using SimCaller.Persona.Definitions;

namespace SimCaller.Api.Tests;

public class ConfigurationAndMenuTests
{
    private static IConfigurationSection Twilio(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(TwilioOptions.Section);

    [Fact]
    public void Numbers_accept_the_short_form_and_the_object_form_and_match_loosely_formatted_numbers()
    {
        var options = new TwilioOptions();
        options.Load(Twilio(new()
        {
            ["Twilio:Numbers:+15557770001"] = "stressed-traveler:hard",
            ["Twilio:Numbers:+15557770002:Persona"] = "abusive-caller",
            ["Twilio:Numbers:+15557770003"] = "off-topic-ranter",
            ["Twilio:Numbers:15557770004"] = "off-topic-ranter:easy",
        }));

        Assert.Equal("easy", options.RouteFor("+15557770004")!.Difficulty);
        Assert.Equal("stressed-traveler", options.RouteFor("+1 (555) 777-0001")!.Persona);
        Assert.Equal("hard", options.RouteFor("+15557770001")!.Difficulty);
        Assert.Equal("abusive-caller", options.RouteFor("+15557770002")!.Persona);
        Assert.Null(options.RouteFor("+15557770003")!.Difficulty);
        Assert.Null(options.RouteFor("+15550000000"));
        Assert.Null(options.RouteFor(null));
        Assert.Null(options.RouteFor("client:alice"));
    }

    [Fact]
    public void A_number_without_a_persona_is_a_clear_configuration_error()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new TwilioOptions().Load(Twilio(new()
        {
            ["Twilio:Numbers:+15557770001:Difficulty"] = "hard",
        })));

        Assert.Contains("Twilio:Numbers:+15557770001", ex.Message);
    }

    [Fact]
    public void A_relative_public_base_url_is_refused_by_name()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new TwilioOptions().Load(Twilio(new() { ["Twilio:PublicBaseUrl"] = "practice.example.org" })));

        Assert.Contains("Twilio:PublicBaseUrl", ex.Message);
    }

    [Fact]
    public void Sms_needs_account_token_and_sender()
    {
        var options = new TwilioOptions();
        options.Load(Twilio(new() { ["Twilio:AccountSid"] = "AC1", ["Twilio:AuthToken"] = "t" }));
        Assert.False(options.CanSendSms);

        options.Load(Twilio(new() { ["Twilio:AccountSid"] = "AC1", ["Twilio:AuthToken"] = "t", ["Twilio:SmsFrom"] = "+15550001111" }));
        Assert.True(options.CanSendSms);
    }

    private static readonly PersonaDefinition[] Catalog =
    [
        new() { Id = "b-persona", Name = "Rick Dawson", Summary = "Broadband down for six days." },
        new() { Id = "a-persona", Name = "Dana Whitfield", Summary = "Flight cancelled." },
    ];

    [Fact]
    public void Menu_prompt_numbers_the_customers_and_offers_the_code()
    {
        var prompt = PersonaMenu.Prompt(PersonaMenu.Choices(Catalog));

        Assert.Contains("Press 1 for Flight cancelled.", prompt);
        Assert.Contains("Press 2 for Broadband down for six days.", prompt);
        Assert.Contains("Press 9", prompt);
    }

    [Theory]
    [InlineData("1", null, "a-persona")]
    [InlineData(null, "two please", "b-persona")]
    [InlineData(null, "Number 1.", "a-persona")]
    [InlineData(null, "rick dawson", "b-persona")]
    public void Menu_reads_keys_number_words_and_names(string? digits, string? speech, string expected)
    {
        Assert.Equal(expected, PersonaMenu.Read(digits, speech, PersonaMenu.Choices(Catalog)).Persona?.Id);
    }

    [Theory]
    [InlineData("9", null)]
    [InlineData(null, "i have a code")]
    public void Menu_recognises_the_code_option(string? digits, string? speech)
    {
        Assert.True(PersonaMenu.Read(digits, speech, PersonaMenu.Choices(Catalog)).IsCode);
    }

    [Theory]
    [InlineData("3", null)]
    [InlineData("0", null)]
    [InlineData(null, "what is this")]
    [InlineData(null, null)]
    public void Menu_ignores_what_it_cannot_map(string? digits, string? speech)
    {
        var choice = PersonaMenu.Read(digits, speech, PersonaMenu.Choices(Catalog));

        Assert.Null(choice.Persona);
        Assert.False(choice.IsCode);
    }
}
