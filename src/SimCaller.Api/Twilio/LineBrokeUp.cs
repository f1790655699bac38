using System.Globalization;
using SimCaller.Twilio.Twiml;

namespace SimCaller.Api.Twilio;

/// <summary>
/// What a caller hears when the database does not answer: the customer says the line broke up and the
/// same step is asked again at the same URL. Twilio's next post is then the same request (same turn
/// number, hence the same request key), so whatever reached the database before is applied once.
/// </summary>
public static class LineBrokeUp
{
    public const string TurnLine = "Sorry, the line broke up there. What did you say?";
    public const string MenuLine = "Sorry, the line broke up. Please make your choice again.";
    public const string CodeLine = "Sorry, the line broke up. Please enter your session code again, then press the hash key.";
    public const string HoldLine = "Sorry, the line is breaking up. Please hold on.";
    public const string GiveUpLine = "Sorry, practice calls are not available right now. Please call again later. Goodbye.";

    /// <summary>Query parameter counting how often the call's start was held; bounds the wait when the database stays away.</summary>
    public const string HeldParameter = "held";
    public const int MaxHolds = 4;

    /// <summary>The answer for a webhook at <paramref name="path"/> (its query in <paramref name="query"/>) that met an outage.</summary>
    public static TwimlResponse For(string path, IQueryCollection query)
    {
        var again = path + QueryString.Create(query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))).ToUriComponent();
        return path switch
        {
            TwilioPaths.Turn => new TwimlResponse().Gather(new GatherOptions
            {
                Input = "speech",
                Action = again,
                SpeechTimeout = "auto",
                Timeout = PhoneCallFlow.ListenSeconds,
                ActionOnEmptyResult = true,
            }, g => g.Say(TurnLine)),
            TwilioPaths.Menu => new TwimlResponse().Gather(new GatherOptions
            {
                Input = "dtmf speech",
                Action = again,
                NumDigits = 1,
                Timeout = PhoneCallFlow.ListenSeconds,
                ActionOnEmptyResult = true,
            }, g => g.Say(MenuLine)),
            TwilioPaths.Code => new TwimlResponse().Gather(new GatherOptions
            {
                Input = "dtmf",
                Action = again,
                FinishOnKey = "#",
                Timeout = 10,
                ActionOnEmptyResult = true,
            }, g => g.Say(CodeLine)),
            _ => Hold(query),
        };
    }

    // Nothing was said yet, so nothing to ask again: the start is posted again after a pause, a few times.
    private static TwimlResponse Hold(IQueryCollection query)
    {
        var held = int.TryParse(query[HeldParameter], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (held >= MaxHolds) return new TwimlResponse().Say(GiveUpLine).Hangup();
        var attempt = int.TryParse(query["attempt"], NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a >= 1 ? a : 1;
        return new TwimlResponse()
            .Say(HoldLine)
            .Pause(2)
            .Redirect($"{TwilioPaths.VoiceAttempt(attempt)}&{HeldParameter}={(held + 1).ToString(CultureInfo.InvariantCulture)}");
    }
}
