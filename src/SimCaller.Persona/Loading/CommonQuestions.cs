namespace SimCaller.Persona.Loading;

/// <summary>
/// Questions agents ask almost every caller, with the words that say what each is about. Lint puts them
/// to a persona's facts: a fact keyword that answers one of them while the fact is about something else
/// (a keyword "address" on the postcode, heard in "What's your email address?") makes the customer
/// give the wrong thing.
/// </summary>
internal static class CommonQuestions
{
    /// <param name="Subject">Words a fact's topic contains when the fact really answers the question.</param>
    public sealed record Question(string Text, IReadOnlyList<string> Subject);

    public static IReadOnlyList<Question> All { get; } =
    [
        new("What's your email address?", ["email", "e-mail", "contact"]),
        new("Can I take a phone number in case we get cut off?", ["phone", "mobile", "telephone", "number", "contact"]),
        new("What's the best number to call you back on?", ["phone", "mobile", "telephone", "callback", "contact"]),
        new("Can I take your full name, please?", ["name"]),
        new("How do you spell your surname?", ["name", "surname"]),
        new("What's your date of birth?", ["birth", "birthday", "age", "dob"]),
        new("What's your postcode?", ["postcode", "zip", "address"]),
        new("What's the first line of your address?", ["address", "street", "house", "home"]),
        new("What's your account number?", ["account"]),
        new("What's the order number?", ["order"]),
        new("What are the last four digits of the card?", ["card", "payment"]),
        new("How did you pay for it?", ["payment", "pay", "card", "paid"]),
        new("How much was the bill?", ["bill", "amount", "charge", "cost", "price", "payment"]),
        new("When did this start?", ["start", "started", "when", "since", "began", "date"]),
        new("How long have you been with us?", ["customer", "loyalty", "member", "membership", "years", "tenure"]),
        new("Can I put you on hold for a moment?", ["hold"]),
        new("What's the model number?", ["model", "device", "product"]),
        new("What's the serial number?", ["serial", "device"]),
        new("Is there anything else I can help with today?", ["else", "other"]),
        new("Which email did we send it to?", ["email", "e-mail", "contact"]),
        new("What time suits you for a call back?", ["time", "callback", "call", "available", "availability"]),
    ];
}
