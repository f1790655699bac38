using SimCaller.Core.Calls;
using SimCaller.Evaluation.Rubrics;

namespace SimCaller.Evaluation.Tests.Support;

/// <summary>Good, mixed and bad calls with the three shipped personas.</summary>
public static class Scenarios
{
    private static readonly string[] FlightWords = ["flight", "denver", "wedding", "booking"];
    private static readonly string[] BillWords = ["bill", "charge", "refund", "direct debit"];

    public static CallTranscript TravelerGood() => CallScript.Build("stressed-traveler", CallOutcome.Resolved, 70,
    [
        "C: My flight to Denver got cancelled and my sister's wedding is tomorrow!",
        "T: Oh no, a cancelled flight the night before your sister's wedding, that sounds incredibly stressful.",
        "C: It is. I have to be there by two.",
        "T: So you need to be in Denver before two tomorrow afternoon, is that right?",
        "C: Yes. The reference is QX7R2M.",
        "T: Thanks for that. I'm so sorry we cancelled on you so late.",
        "C: So what are you going to do about it?",
        "T: Here's what I can do: I can put you on the 7am flight tomorrow and hold a seat on the 9am as a backup.",
        "C: The 7am would work.",
        "T: Done. You'll get the confirmation email within ten minutes, and I'll check the seat myself.",
        "C: Okay, thank you.",
        "T: Does that work for you?",
        "C: Yes, that works.",
    ], keywords: FlightWords);

    public static CallTranscript TravelerMixed() => CallScript.Build("stressed-traveler", CallOutcome.TimeLimit, 70,
    [
        "C: My flight to Denver got cancelled and my sister's wedding is tomorrow!",
        "T: I understand your frustration.",
        "C: Do you? I need to get there.",
        "T: Can I have the booking reference please?",
        "C: QX7R2M.",
        "T: We can't rebook you on another airline.",
        "C: Then what good are you?",
        "T: Sorry about that, I can put you on tomorrow's 7am flight.",
        "C: That's cutting it fine.",
    ], keywords: FlightWords);

    public static CallTranscript TravelerBad() => CallScript.Build("stressed-traveler", CallOutcome.HungUp, 70,
    [
        "C: My flight to Denver got cancelled and my sister's wedding is tomorrow!",
        "T: Calm down, it's only one flight.",
        "C: Only one flight?!",
        "T: The airline should have told you earlier, that's not our problem.",
        "C: I booked through you!",
        "T: We can't rebook you.",
        "C: This is unbelievable.",
        "T: Like I told you, there's nothing I can do.",
        "C: Forget it. I'm done.",
    ], keywords: FlightWords);

    private static readonly string[] Boundaries = [CriterionIds.Boundaries];

    public static CallTranscript AbusiveGood() => CallScript.Build("abusive-caller", CallOutcome.Resolved, 75,
    [
        "C: Your useless company has cut my internet off again.",
        "T: Being cut off again is really frustrating, I can see why you're angry.",
        "C: You're an idiot, just like the last one.",
        "T: I want to help you with this, and I will, as long as we leave the name-calling out.",
        "C: Fine. Just fix it.",
        "T: What's the account number so I can find it?",
        "C: 4471-220.",
        "T: I'm sorry we cut you off. I've reconnected your line just now and I've credited you for the days you lost.",
        "C: Right.",
        "T: It should be working within the next hour, and I'll check on it myself this afternoon.",
        "C: Okay.",
        "T: Is there anything else I can help with?",
        "C: No, that's it.",
    ], enabledCriteria: Boundaries);

    public static CallTranscript AbusiveMixed() => CallScript.Build("abusive-caller", CallOutcome.EndedByAgent, 75,
    [
        "C: Your useless company has cut my internet off again.",
        "T: Can I have the account number?",
        "C: You're an idiot, just like the last one.",
        "T: Please don't call me names, I'm trying to help.",
        "C: F*** off, idiot.",
        "T: I'm just doing my job.",
        "C: Useless.",
        "T: If the swearing carries on I'll have to end the call.",
        "C: F*** you.",
        "T: I'm going to end this call now as I warned you.",
    ], enabledCriteria: Boundaries);

    public static CallTranscript AbusiveBad() => CallScript.Build("abusive-caller", CallOutcome.EndedByAgent, 75,
    [
        "C: Your useless company has cut my internet off again.",
        "T: You must have not paid the bill.",
        "C: You're an idiot, just like the last one.",
        "T: You're the idiot here mate.",
        "C: What did you say to me?",
        "T: Shut up and listen.",
        "C: F*** you.",
        "T: Bye.",
    ], enabledCriteria: Boundaries);

    private static readonly string[] OnTrack = [CriterionIds.StayingOnTrack];

    public static CallTranscript RanterGood() => CallScript.Build("off-topic-ranter", CallOutcome.Resolved, 55,
    [
        "C: You've charged me twice this month, and don't get me started on the parking round here, and my neighbour's hedge...",
        "T: Being charged twice is annoying, no wonder you're fed up.",
        "C: And the council never answers the phone either, it's a disgrace.",
        "T: I hear you about the council, but let's get back to your bill first.",
        "C: Fine. Two charges of thirty pounds on the fifth.",
        "T: So you were charged thirty pounds twice on the fifth, is that right?",
        "C: That's right. My sister says all companies do this.",
        "T: I'm sorry about the double charge. I've refunded the duplicate payment to your card.",
        "C: Oh. Good.",
        "T: The refund will land in three to five working days.",
        "C: Alright.",
        "T: Does that sort it for you?",
        "C: It does, thanks.",
    ], enabledCriteria: OnTrack, keywords: BillWords);

    public static CallTranscript RanterMixed() => CallScript.Build("off-topic-ranter", CallOutcome.TimeLimit, 55,
    [
        "C: You've charged me twice this month, and don't get me started on the parking round here, and my neighbour's hedge...",
        "T: Oh the parking sounds bad. What's wrong with it?",
        "C: Nobody can park anywhere! And the council never answers the phone.",
        "T: Which council is that?",
        "C: The district one. Useless. My sister says all companies are the same.",
        "T: Is your sister with us too?",
        "C: No. Anyway, I was charged twice.",
        "T: I can refund the second charge.",
        "C: When?",
    ], enabledCriteria: OnTrack, keywords: BillWords);

    public static CallTranscript RanterBad() => CallScript.Build("off-topic-ranter", CallOutcome.HungUp, 55,
    [
        "C: You've charged me twice this month, and don't get me started on the parking round here, and my neighbour's hedge...",
        "T: Get to the point.",
        "C: Well! I was getting to it. The council never answers either.",
        "T: It's just a few pounds.",
        "C: It's sixty pounds!",
        "T: There's nothing I can do about that.",
        "C: I'm cancelling my account.",
    ], enabledCriteria: OnTrack, keywords: BillWords);
}
