using SimCaller.Twilio.Logging;

namespace SimCaller.Twilio.Tests;

public class PhoneNumberMaskerTests
{
    [Theory]
    [InlineData("+15551231212", "+1555***1212")]
    [InlineData("+447700900123", "+4477***0123")]
    [InlineData("123", "***")]
    [InlineData("client:alice", "client:***")]
    [InlineData("", "(none)")]
    [InlineData(null, "(none)")]
    public void Masks_the_middle_of_numbers(string? number, string expected)
    {
        Assert.Equal(expected, PhoneNumberMasker.Mask(number));
    }

    [Fact]
    public void Masked_number_never_contains_the_whole_number()
    {
        Assert.DoesNotContain("5551231212", PhoneNumberMasker.Mask("+15551231212"));
    }
}
