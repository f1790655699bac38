using System.Text;
using System.Text.RegularExpressions;

namespace SimCaller.Core.Text;

/// <summary>
/// Puts typed text and raw speech-to-text into one shape so the pattern tables only need one spelling:
/// lowercase, no punctuation, contractions expanded ("cant", "can't" -> "can not"), fillers dropped,
/// masked profanity ("f***") turned into the token "profanity". Shared by everything that reads what a
/// trainee said (the analyser, the debrief, call control), so they all read it the same way.
/// </summary>
public static partial class TextNormalizer
{
    // Contractions as typed or as speech-to-text writes them (apostrophe dropped). Ambiguous bare
    // forms ("ill", "well", "id", "were", "its") are handled with context below, not here.
    private static readonly Dictionary<string, string> Contractions = new(StringComparer.Ordinal)
    {
        ["can't"] = "can not", ["cant"] = "can not", ["cannot"] = "can not",
        ["won't"] = "will not", ["wont"] = "will not",
        ["don't"] = "do not", ["dont"] = "do not",
        ["doesn't"] = "does not", ["doesnt"] = "does not",
        ["didn't"] = "did not", ["didnt"] = "did not",
        ["isn't"] = "is not", ["isnt"] = "is not",
        ["aren't"] = "are not", ["arent"] = "are not",
        ["wasn't"] = "was not", ["wasnt"] = "was not",
        ["weren't"] = "were not", ["werent"] = "were not",
        ["haven't"] = "have not", ["havent"] = "have not",
        ["hasn't"] = "has not", ["hasnt"] = "has not",
        ["hadn't"] = "had not", ["hadnt"] = "had not",
        ["couldn't"] = "could not", ["couldnt"] = "could not",
        ["shouldn't"] = "should not", ["shouldnt"] = "should not",
        ["wouldn't"] = "would not", ["wouldnt"] = "would not",
        ["mustn't"] = "must not", ["mustnt"] = "must not",
        ["ain't"] = "is not", ["aint"] = "is not",
        ["i'm"] = "i am", ["im"] = "i am",
        ["i'll"] = "i will", ["i've"] = "i have", ["ive"] = "i have", ["i'd"] = "i would",
        ["you're"] = "you are", ["youre"] = "you are",
        ["you'll"] = "you will", ["youll"] = "you will",
        ["you've"] = "you have", ["youve"] = "you have",
        ["you'd"] = "you would", ["youd"] = "you would",
        ["we're"] = "we are", ["we'll"] = "we will", ["we've"] = "we have", ["weve"] = "we have", ["we'd"] = "we would",
        ["they're"] = "they are", ["theyre"] = "they are", ["they'll"] = "they will", ["theyll"] = "they will",
        ["they've"] = "they have", ["theyve"] = "they have",
        ["it's"] = "it is", ["its"] = "it is", ["it'll"] = "it will", ["itll"] = "it will",
        ["that's"] = "that is", ["thats"] = "that is", ["that'll"] = "that will", ["thatll"] = "that will",
        ["there's"] = "there is", ["theres"] = "there is",
        ["what's"] = "what is", ["whats"] = "what is",
        ["here's"] = "here is", ["heres"] = "here is",
        ["let's"] = "let us", ["lets"] = "let us", ["lemme"] = "let me",
        ["he's"] = "he is", ["she's"] = "she is", ["who's"] = "who is", ["whos"] = "who is",
        ["how's"] = "how is", ["hows"] = "how is", ["where's"] = "where is",
        ["should've"] = "should have", ["shouldve"] = "should have",
        ["could've"] = "could have", ["couldve"] = "could have",
        ["would've"] = "would have", ["wouldve"] = "would have",
        ["must've"] = "must have", ["mustve"] = "must have",
        ["gonna"] = "going to", ["wanna"] = "want to", ["gotta"] = "got to", ["kinda"] = "kind of",
        ["okay"] = "ok", ["alright"] = "all right", ["apologise"] = "apologize", ["apologised"] = "apologized",
        ["organise"] = "organize", ["u"] = "you", ["ur"] = "your", ["pls"] = "please", ["plz"] = "please", ["thx"] = "thanks", ["thankyou"] = "thank you", ["yep"] = "yes", ["yup"] = "yes", ["nope"] = "no",
    };

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "um", "umm", "uh", "uhh", "uhm", "er", "erm", "hmm", "mm", "ah",
    };

    // Verbs that make a bare "ill"/"well"/"id" a contraction ("ill sort it", "well send it").
    private static readonly HashSet<string> ContractionVerbs = new(StringComparer.Ordinal)
    {
        "be", "get", "send", "sort", "have", "make", "call", "ring", "look", "refund", "do", "put", "book",
        "rebook", "arrange", "need", "keep", "follow", "see", "take", "check", "email", "text", "fix", "give",
        "move", "cancel", "credit", "waive", "transfer", "escalate", "personally", "also", "just", "try",
        "find", "update", "chase", "raise", "reset", "add", "process", "issue", "pass", "handle", "stay",
        "like", "suggest", "recommend", "love", "cover", "owe", "let", "come", "go", "speak", "talk",
        "waive", "replace", "reschedule", "upgrade", "sort", "sit", "want", "never", "definitely", "happily",
        "gladly", "absolutely", "certainly", "still", "walk", "ask", "put",
    };

    // Profanity as Twilio masks it (f***, s**t) or as spoken.
    [GeneratedRegex(@"^[a-z]+\*+[a-z]*$|^\*{2,}$")]
    private static partial Regex MaskedWord();

    [GeneratedRegex(@"^(fuck\w*|shit\w*|bullshit|crap|bollocks|bastard\w*|bitch\w*|arse\w*|asshole\w*|damn\w*|bloody|piss\w*)$")]
    private static partial Regex SwearWord();

    [GeneratedRegex(@"[^a-z0-9'\* ]+")]
    private static partial Regex NonWord();

    /// <summary>Returns the normalised form; never null, empty for empty input.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var lowered = text.ToLowerInvariant()
            .Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('`', '\'');
        lowered = NonWord().Replace(lowered, " ");
        var raw = lowered.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var words = new List<string>(raw.Length + 4);
        for (var i = 0; i < raw.Length; i++)
        {
            var word = raw[i].Trim('\'');
            if (word.Length == 0 || Fillers.Contains(word))
            {
                continue;
            }
            if (MaskedWord().IsMatch(word) || SwearWord().IsMatch(word))
            {
                words.Add("profanity");
                continue;
            }
            var next = i + 1 < raw.Length ? raw[i + 1].Trim('\'') : "";
            var previous = words.Count > 0 ? words[^1] : "";
            if (Contractions.TryGetValue(word, out var expanded))
            {
                words.AddRange(expanded.Split(' '));
            }
            else if (word == "ill" && previous is not ("am" or "feel" or "felt" or "is" or "was" or "be" or "been" or "so" or "very" or "are" or "were" or "fell" or "look" or "looks") && ContractionVerbs.Contains(next))
            {
                words.AddRange(["i", "will"]);
            }
            else if (word == "well" && ContractionVerbs.Contains(next) && next != "like")
            {
                words.AddRange(["we", "will"]);
            }
            else if (word == "id" && next is "like" or "love" or "suggest" or "recommend" or "be" or "say" or "rather" or "prefer" or "need" or "have")
            {
                words.AddRange(["i", "would"]);
            }
            else if (ExpandClitic(word, next) is { } clitic)
            {
                words.AddRange(clitic);
            }
            else
            {
                words.Add(word.Replace("'", "").Replace("*", ""));
            }
        }

        return DropFillerPhrases(words);
    }

    // Words after a noun's "'s" that make it "is"/"has" rather than a possessive ("the answer's no",
    // "the heating's been off") - the driver's van stays a possessive.
    private static readonly HashSet<string> AfterIs = new(StringComparer.Ordinal)
    {
        "not", "no", "just", "only", "on", "off", "in", "out", "a", "an", "the", "all", "still", "ready", "fine", "ok",
        "broken", "going", "coming", "due", "now", "already", "down", "up", "back", "here", "there", "sorted", "fixed",
        "done", "booked", "being", "really", "so", "very", "too", "definitely", "probably", "actually", "meant",
        "supposed", "stuck", "working", "late", "delayed", "missing", "lost", "wrong", "right", "correct", "free",
        "our", "my", "your", "their", "also", "never", "always", "usually", "normally", "nearly", "almost", "quite",
        "pretty", "completely", "totally", "that", "what", "how", "why", "where", "when", "because", "crashing",
    };

    private static readonly HashSet<string> AfterHas = new(StringComparer.Ordinal)
    {
        "been", "gone", "got", "had", "taken", "left", "stopped", "started", "arrived", "happened", "come",
    };

    // Clitics on any word, not just pronouns ("the engineer'll be there", "the heating's been off").
    private static string[]? ExpandClitic(string word, string next)
    {
        var apostrophe = word.LastIndexOf('\'');
        if (apostrophe <= 0)
        {
            return null;
        }
        var stem = word[..apostrophe].Replace("'", "");
        return word[(apostrophe + 1)..] switch
        {
            "ll" => [stem, "will"],
            "ve" => [stem, "have"],
            "re" => [stem, "are"],
            "d" => [stem, "would"],
            "s" when AfterHas.Contains(next) => [stem, "has"],
            "s" when AfterIs.Contains(next) || next.EndsWith("ed", StringComparison.Ordinal) => [stem, "is"],
            _ => null,
        };
    }

    // "like" and "you know" are fillers only in some positions ("would like", "like i said", "do you know" stay).
    private static string DropFillerPhrases(List<string> words)
    {
        var result = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var previous = i > 0 ? words[i - 1] : "";
            var next = i + 1 < words.Count ? words[i + 1] : "";
            if (word == "like" && IsFillerLike(previous, next))
            {
                continue;
            }
            if (word == "you" && next == "know" && IsFillerYouKnow(previous, i + 2 < words.Count ? words[i + 2] : ""))
            {
                i++;
                continue;
            }
            if (word.Length == 0)
            {
                continue;
            }
            if (result.Length > 0)
            {
                result.Append(' ');
            }
            result.Append(word);
        }
        return result.ToString();
    }

    private static bool IsFillerLike(string previous, string next) =>
        previous is "" or "so" or "and" or "but" or "is" or "was" or "just" or "really" or "yes" or "yeah" or "ok" or "well" or "its" or "um"
        && next is not ("i" or "that" or "this" or "a" or "we" or "the" or "to" or "it" or "")
        || previous is "is" or "was" && next is "so" or "really" or "totally" or "completely" or "super";

    private static bool IsFillerYouKnow(string previous, string next) =>
        previous is not ("do" or "did" or "let" or "if" or "will" or "would" or "as" or "dont" or "not" or "so" or "can" or "could" or "should")
        && next is not ("what" or "how" or "when" or "where" or "why" or "if" or "whether" or "the" or "your" or "about" or "that" or "who" or "which");
}
