using System.Text.RegularExpressions;
using SimCaller.Core.Techniques;
using SimCaller.Core.Text;
using SimCaller.Understanding;

namespace SimCaller.Evaluation.Analysis;

/// <summary>
/// The default analyser: the rule tables, then a classifier over the utterance's sentence embedding with
/// the rules' hits as features, so meaning catches what no table lists ("who could help you with that?")
/// while the tables' precise phrasings still count. The same words in the same context always get the
/// same labels, in the live call, the debrief and `simcaller analyze`.
/// </summary>
public sealed partial class SemanticTurnAnalyzer : ITurnAnalyzer
{
    /// <summary>
    /// Where the model is spent. Utterances of one or two words ("okay", "one moment", "thanks", "no") are
    /// back-channels and stock replies the rules read reliably; they are a large share of phone turns, and
    /// skipping them keeps the ~5 ms embedding for the turns whose meaning the tables can miss.
    /// </summary>
    public const int MinWordsForModel = 3;

    /// <summary>Whether a (normalised) sentence gets the model or only the rule tables; training reads dev by the same rule.</summary>
    internal static bool IsWorthTheModel(string normalized) => TechniqueFeatures.WordCount(normalized) >= MinWordsForModel;

    private readonly RuleBasedAnalyzer _rules;
    private readonly ISentenceEmbedder _embedder;
    private readonly TechniqueClassifier _classifier;

    public SemanticTurnAnalyzer(RuleBasedAnalyzer rules, ISentenceEmbedder embedder, TechniqueClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(classifier);
        _rules = rules;
        _embedder = embedder;
        _classifier = classifier;
        Version = $"rules+{classifier.EmbeddingModel}+{classifier.Version}";
    }

    public string Version { get; }

    public Task<UtteranceAnalysis> AnalyzeAsync(string text, AnalysisContext? context = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Analyze(text, context));

    /// <summary>
    /// Each sentence of the turn is read on its own, and the turn as a whole (<see cref="TechniqueClassifier.ForTurn"/>):
    /// one vector of "Thanks for calling. That sounds like a rough week, I'm sorry." averages the greeting into
    /// the empathy, so the sentence carries it. The evidence is the sentence that read most like the move.
    /// </summary>
    /// <exception cref="EmbeddingUnavailableException">The sentence model could not be loaded (see <see cref="FallbackTurnAnalyzer"/>).</exception>
    public UtteranceAnalysis Analyze(string text, AnalysisContext? context = null)
    {
        text ??= "";
        var split = Sentences.Split(text);
        IReadOnlyList<string> sentences = split.Count > 1 ? split : [text];
        var normalized = sentences.Select(TextNormalizer.Normalize).ToArray();
        var ruled = sentences.Select(s => _rules.Analyze(s, context)).ToArray();
        var modelled = Enumerable.Range(0, sentences.Count)
            .Where(i => IsWorthTheModel(normalized[i]))
            .ToArray();

        var evidence = new Dictionary<Technique, string>();
        if (modelled.Length > 0)
        {
            var wholeTurn = sentences.Count > 1;
            string[] toEmbed = wholeTurn ? [.. modelled.Select(i => sentences[i].Trim()), text.Trim()] : [text.Trim()];
            var vectors = _embedder.Embed(toEmbed);
            var inputs = modelled.Select((i, k) => _classifier.Features(vectors[k], ruled[i], sentences[i])).ToArray();
            var probabilities = inputs.Select(_classifier.Probabilities).ToArray();
            var whole = wholeTurn ? _classifier.Features(vectors[^1], _rules.Analyze(text, context), text) : null;
            var turn = whole is null ? probabilities[0] : TechniqueClassifier.ForTurn(probabilities, _classifier.Probabilities(whole));
            var ruleHits = TechniqueClassifier.RuleHits([.. inputs.Select(x => x.Dense), .. whole is null ? Array.Empty<float[]>() : [whole.Dense]]);
            foreach (var technique in TechniqueIds.All)
            {
                var t = (int)technique;
                var best = Enumerable.Range(0, modelled.Length).MaxBy(k => probabilities[k][t]);
                var sentence = modelled[best];
                if (turn[t] < TechniqueClassifier.Bar(_classifier.Threshold, ruleHits[t])
                    || (technique == Technique.ClarifyingQuestion && IsIdleQuestion(vectors[best], normalized[sentence], context)))
                {
                    continue;
                }
                evidence[technique] = EvidenceIn(ruled[sentence], technique) ?? normalized[sentence];
            }
            foreach (var i in modelled.Where(i => Core.Text.OpenDoor.IsMatch(normalized[i])))
            {
                // "What can I help you with today?" names none of the problem's words, yet it is the question
                // that invites the customer's own account: never off topic, whatever the classifier thinks.
                evidence.TryAdd(Technique.ClarifyingQuestion, normalized[i]);
            }
        }
        // Sentences too short for the model ("Sorry.", "No.") count by the rule tables alone.
        foreach (var i in Enumerable.Range(0, sentences.Count).Except(modelled))
        {
            foreach (var match in ruled[i].Matches)
            {
                evidence.TryAdd(match.Technique, match.Evidence);
            }
        }
        if (sentences.Count > 1 && evidence.ContainsKey(Technique.Solution))
        {
            // Spec: a no followed by an alternative in the same turn ("The suite is booked. But I can give you
            // late checkout.") is a solution, not a refusal.
            evidence.Remove(Technique.Refusal);
        }
        return new UtteranceAnalysis(text, evidence.OrderBy(e => e.Key).Select(e => new TechniqueMatch(e.Key, e.Value)).ToArray());
    }

    private static string? EvidenceIn(UtteranceAnalysis ruled, Technique technique) =>
        ruled.Matches.FirstOrDefault(m => m.Technique == technique)?.Evidence;

    /// <summary>Spec: a question unrelated to the customer's problem earns nothing, however politely asked.</summary>
    private bool IsIdleQuestion(float[] vector, string normalized, AnalysisContext? context) =>
        !Core.Text.OpenDoor.IsMatch(normalized)
        && (SmallTalk().IsMatch(normalized) || (HasScenario(context) && IsOffTopic(vector, context)));

    /// <summary>
    /// Stock small talk, a question about tastes, leisure or the weather: never about a service problem,
    /// so it earns nothing even where there is no scenario to judge against (`analyze` on a bare line).
    /// </summary>
    [GeneratedRegex(@"\b(what is|which is|whats) your (favourite|favorite) (colou?r|films?|movies?|bands?|songs?|music|food|dish|team|sports?|seasons?|holidays?|animals?|books?|shows?|drinks?|places?|restaurants?|singers?|games?|hobby|hobbies|day of the week)\b|\b(did|do|have|are) you (see|watch|seen|watching|catch|caught|follow) (the|any|that|last nights) (game|match|football|cricket|rugby|race|final|league|derby|tennis|golf|show|film)|\bhow (was|is) your (weekend|holiday|day off)\b|\bwhat is the weather (like|doing)\b|\bdo you have any (pets|kids|children|hobbies)\b")]
    private static partial Regex SmallTalk();

    // Off-topic is judged against the persona's scenario; without one (`analyze` on bare lines) the classifier
    // alone decides, from the small talk it was trained to leave unlabelled.
    private static bool HasScenario(AnalysisContext? context) =>
        context is not null && (!string.IsNullOrWhiteSpace(context.Scenario) || context.ScenarioKeywords is { Count: > 0 });

    /// <summary>True when the question is far from the customer's problem and from every ordinary service question.</summary>
    public bool IsOffTopic(ReadOnlySpan<float> question, AnalysisContext? context)
    {
        var references = new List<string>(ServiceQuestions.All);
        if (context?.Scenario is { Length: > 0 } scenario)
        {
            references.Add(scenario);
        }
        if (context?.ScenarioKeywords is { Count: > 0 } keywords)
        {
            references.Add(string.Join(", ", keywords));
        }
        // References repeat every turn of a call: the caching embedder computes each once.
        var best = double.MinValue;
        foreach (var reference in _embedder.Embed(references))
        {
            best = Math.Max(best, Vectors.Similarity(question, reference));
        }
        return best < ServiceQuestions.OnTopicSimilarity;
    }
}
