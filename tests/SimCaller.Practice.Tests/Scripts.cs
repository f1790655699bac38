namespace SimCaller.Practice.Tests;

/// <summary>
/// Trainee scripts for the shipped personas: skilful ones (acknowledge, confirm, own it, solve, set
/// expectations, check) and rude ones (cliches, blame, "calm down", flat refusals), in varied wording.
/// </summary>
public static class Scripts
{
    public static IReadOnlyDictionary<string, string[][]> Skilful { get; } = new Dictionary<string, string[][]>
    {
        ["stressed-traveler"] =
        [
            [
                "Oh no, a cancelled flight the night before your sister's wedding, that's awful. I'm so sorry this happened.",
                "So you need to be in Denver before nine tomorrow morning for the ceremony, is that right?",
                "Could I have your booking reference please?",
                "Thank you. I've booked you on the six oh five morning flight tomorrow, a confirmed seat landing at eight fifteen.",
                "The confirmation email will reach you within two minutes and I'll stay on the line until it does.",
                "Does that work for you?",
                "Thank you for calling, and I hope the wedding is wonderful. Goodbye.",
            ],
            [
                "That sounds incredibly stressful, being stuck at the gate with the rings in your bag.",
                "We let you down tonight and I'm going to sort this out personally.",
                "Just to confirm, you have to land in Denver by nine am, and the evening flight the app offered is no good?",
                "Right, I've got you on the first flight out at six oh five, confirmed seat, landing at eight twenty.",
                "You'll get a text with the new boarding pass in the next few minutes.",
                "Is there anything else I can help you with tonight?",
                "Safe travels, and have a lovely evening.",
            ],
            [
                "thank you for holding dana i can hear how worried you are and anyone would be",
                "i am really sorry we cancelled your flight with so little notice",
                "so the wedding is at eleven tomorrow and you need a morning arrival not the evening one",
                "i will take care of this myself i can book you on a partner airline flight at six oh five with a confirmed seat",
                "your new ticket will be emailed within five minutes and i will also send a hotel voucher for tonight",
                "how does that sound",
                "thanks for calling dana take care",
            ],
        ],
        ["abusive-caller"] =
        [
            [
                "Six days without internet when you work from home, that's genuinely awful, and I'm sorry we let you down.",
                "I want to keep helping you, but I need us to keep it civil and leave the insults out.",
                "So three technicians didn't turn up and you've still been charged the full fee, have I got that right?",
                "That's on us, and I'm going to own this. I've booked an engineer for tomorrow at 8 am, a guaranteed slot.",
                "I'll also credit you for the six days without service, and you'll get a text confirming both within the hour.",
                "Does that work for you?",
                "Thanks for your patience today. Goodbye.",
            ],
            [
                "I'm really sorry, a week of no-shows with a business to run from home is maddening.",
                "Let me make sure I have it: your broadband has been down since Thursday and nobody came to any of the three appointments?",
                "We dropped the ball here and I'll see this through myself.",
                "I've booked a technician for tomorrow morning, first appointment, and I'm putting my name on the job.",
                "You'll get a confirmation text in the next ten minutes and I'll call you tomorrow once the engineer has been.",
                "Is that everything sorted for you?",
                "Thanks for calling, have a good evening.",
            ],
            [
                "thanks for bearing with me rick i can hear how fed up you are and you have every right to be",
                "i am sorry nobody turned up three times that should never have happened",
                "so you have been without broadband for six days and you need someone out fast",
                "i will take ownership of this i can send an engineer tomorrow with a guaranteed slot at eight",
                "the booking confirmation will come by text within the hour and the credit will show on your next bill",
                "how does that sound",
                "thanks for calling rick bye now",
            ],
        ],
        ["off-topic-ranter"] =
        [
            [
                "Thank you for calling, Bernadette. Being charged twice is really annoying, I'd be cross too.",
                "So October's direct debit of 38.20 came out twice, on the first and the third, is that right?",
                "Let's park the neighbour for a moment and get your money sorted first.",
                "I'm sorry about the double payment, that was our mistake and I'll take care of it myself.",
                "I've arranged a refund of the second 38.20 back into your bank account.",
                "It will land within three to five working days and you'll get a confirmation letter.",
                "Is there anything else about the bill I can help with?",
                "Lovely talking to you, Bernadette. Take care.",
            ],
            [
                "Oh, that sounds like a frustrating week, and then a double charge on top of it.",
                "Just so I have it right, you were billed twice for October and you want the extra payment back?",
                "That cat sounds like a character! Let's come back to your refund though, so it's done today.",
                "We got this wrong, and I'm going to fix it for you now.",
                "I've reversed the duplicate payment, so the 38.20 will go back to your bank account.",
                "You should see it by Friday, and I'll email you a note of the reference.",
                "How does that sound?",
                "Thank you for calling. Goodbye.",
            ],
            [
                "thanks so much for your patience bernadette i can tell this has been a nuisance",
                "so the same payment was taken twice in october and you would like the second one returned",
                "i hear you about the egg prices but let me finish sorting your refund first",
                "i am sorry that happened i will make sure it is put right",
                "i have put through a refund of the duplicate 38.20 back to your bank account",
                "it should reach you within five working days",
                "does that work for you",
                "thank you for calling bernadette have a lovely day",
            ],
        ],
    };

    public static IReadOnlyDictionary<string, string[][]> Rude { get; } = new Dictionary<string, string[][]>
    {
        ["stressed-traveler"] =
        [
            [
                "Calm down, it's just a flight.",
                "I understand your frustration, but there's nothing I can do.",
                "You should have booked an earlier flight if it was that important.",
                "We can't rebook you tonight. That's the policy.",
                "Yeah, yeah, I heard you the first time.",
                "Like I told you, there is nothing available.",
            ],
            [
                "Sorry for any inconvenience caused.",
                "There's no need to be dramatic about it.",
                "The airport decided to cancel it, not me.",
                "No. That won't be happening.",
                "Do I have to spell it out for you?",
                "Rules are rules here.",
            ],
        ],
        ["abusive-caller"] =
        [
            [
                "Calm down, sir, it's only the internet.",
                "I understand your frustration. Your call is important to us.",
                "The technicians are a contractor, so that's not our fault.",
                "We can't send anyone this week.",
                "Yeah, yeah, I get it, you're angry.",
                "Like I said before, there's nothing I can do.",
            ],
            [
                "Sorry for any inconvenience.",
                "You probably weren't home when they came.",
                "No need to be so dramatic about a router.",
                "That won't be happening.",
                "Don't shout at me, I didn't break it.",
                "Rules are rules.",
            ],
        ],
        ["off-topic-ranter"] =
        [
            [
                "Can you get to the point please?",
                "I don't care about your cat, madam.",
                "Yeah, yeah. Calm down, it's only thirty-eight quid.",
                "Your bank probably took it twice, not us.",
                "We can't refund direct debits. That's the policy.",
                "Do I have to spell it out for you?",
                "Like I told you, there's nothing I can do.",
                "Rules are rules.",
                "No. That won't be happening.",
                "Are you done yet?",
            ],
            [
                "Sorry for any inconvenience.",
                "No need to be so dramatic, it's a small amount.",
                "You must have set the direct debit up wrong.",
                "That won't be happening, we don't do refunds.",
                "Yes, yes, I get it.",
                "Don't raise your voice at me, I didn't take your money.",
                "I said that already the first time.",
                "We can't do anything about it.",
                "Calm down.",
                "Is there a point to this story?",
            ],
        ],
    };
}
