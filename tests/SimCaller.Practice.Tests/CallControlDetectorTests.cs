using SimCaller.Practice.CallControl;

namespace SimCaller.Practice.Tests;

public class CallControlDetectorTests
{
    [Theory]
    [InlineData("Let me transfer you to my supervisor.")]
    [InlineData("I'm putting you through to my manager now.")]
    [InlineData("okay um im transferring you to my team lead")]
    [InlineData("I'll connect you with our refunds team right away.")]
    [InlineData("i am going to transfer your call to a specialist")]
    [InlineData("I hear you. Let me transfer you to my supervisor")]
    public void Firm_transfers_are_transfers(string text) =>
        Assert.Equal(CallControlAction.Transfer, CallControlDetector.Detect(text));

    [Theory]
    [InlineData("I'm ending this call.")]
    [InlineData("i'm going to disconnect now")]
    [InlineData("im ending the call now goodbye")]
    [InlineData("I warned you. I am going to hang up now.")]
    [InlineData("I’m terminating this call.")]
    [InlineData("great, have a safe flight and enjoy the wedding. goodbye")]
    [InlineData("thanks for calling bye now")]
    [InlineData("You're all set. Take care!")]
    [InlineData("okay um have a great day")]
    [InlineData("I said I'd end it if the swearing went on. I'm ending this call now.")]
    public void Firm_endings_end_the_call(string text) =>
        Assert.Equal(CallControlAction.EndCall, CallControlDetector.Detect(text));

    [Theory]
    [InlineData("Would you like me to transfer you to my supervisor?")]
    [InlineData("I could put you through to my manager if you prefer.")]
    [InlineData("If you keep swearing at me I will end this call.")]
    [InlineData("if you continue to use that language towards me i'm going to have to end the call")]
    [InlineData("I'm not going to hang up on you.")]
    [InlineData("Let me transfer your booking to the morning flight.")]
    [InlineData("I'm going to look at your refund now.")]
    [InlineData("you can say goodbye to those late fees")]
    [InlineData("is there anything else before we say goodbye?")]
    [InlineData("goodbye is not what I want to say yet, let me check one more thing")]
    [InlineData("")]
    [InlineData("   ")]
    public void Offers_warnings_and_ordinary_talk_are_not_actions(string text) =>
        Assert.Equal(CallControlAction.None, CallControlDetector.Detect(text));
}
