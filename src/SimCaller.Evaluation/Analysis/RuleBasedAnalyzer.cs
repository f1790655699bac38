using System.Text.RegularExpressions;
using SimCaller.Core.Techniques;
using SimCaller.Core.Text;

namespace SimCaller.Evaluation.Analysis;

/// <summary>
/// Labels trainee utterances with technique ids from readable pattern tables: fast, deterministic and
/// explainable (each label carries the words that matched). Works on typed text and on raw
/// speech-to-text alike; see <see cref="TextNormalizer"/>.
/// </summary>
public sealed partial class RuleBasedAnalyzer : ITurnAnalyzer
{

    private static readonly IReadOnlyList<TechniqueRule> Rules =
        [.. HelpfulMovePatterns.Rules, .. HarmfulMovePatterns.Rules];

    // "we can't refund it, but I can ..." turns a refusal into an offer.
    [GeneratedRegex(@"\b(but|however|although|though) (i|we|you) (can|could|will|would|am able|are able|am happy|are happy)\b(?! not\b| never\b)|\binstead\b|\balternatively\b|\bwhat (i|we) can do\b|\bthe best (i|we) can do\b")]
    private static partial Regex AlternativeCue();

    // Hiding behind the rules (spec: blame, and a refusal when nothing else is offered).
    [GeneratedRegex(@"\b(policy|policies|rules|terms|procedure|regulations|small print|computer says no|hands are tied|out of my hands|system (will not|does not|can not)|(how|the way) (it|things|the system|the process|we) (works?|goes|do things|is|are))\b")]
    private static partial Regex PolicyHiding();

    /// <summary>Bump when a rule table changes what it labels.</summary>
    public string Version => "rules-3";

    public Task<UtteranceAnalysis> AnalyzeAsync(string text, AnalysisContext? context = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Analyze(text, context));

    /// <summary>Labels one utterance. Null or blank text gives no labels.</summary>
    public UtteranceAnalysis Analyze(string text, AnalysisContext? context = null)
    {
        text ??= "";
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return UtteranceAnalysis.Empty(text);
        }

        // Stock phrases are cliche only: blank them out so "sorry for any inconvenience" is not also an apology.
        var cliches = HarmfulMovePatterns.Cliche.FindAllIn(normalized).ToList();
        var masked = Mask(normalized, cliches);

        var found = new Dictionary<Technique, Match>();
        if (cliches.Count > 0)
        {
            found[Technique.Cliche] = cliches[0];
        }
        foreach (var rule in Rules)
        {
            if (rule.FindIn(masked) is { } match)
            {
                found[rule.Technique] = match;
            }
        }

        var evidence = found.ToDictionary(kv => kv.Key, kv => normalized.Substring(kv.Value.Index, kv.Value.Length));
        ApplyInterplay(normalized, found, evidence);

        if (!evidence.ContainsKey(Technique.Paraphrase) && ContextualParaphrase.Applies(text, normalized, context))
        {
            evidence[Technique.Paraphrase] = normalized;
            evidence.Remove(Technique.ClarifyingQuestion);
        }

        var matches = evidence
            .OrderBy(kv => kv.Key)
            .Select(kv => new TechniqueMatch(kv.Key, kv.Value.Trim()))
            .ToArray();
        return new UtteranceAnalysis(text, matches);
    }

    // The notes of techniques.md where one label changes another.
    private static void ApplyInterplay(string normalized, Dictionary<Technique, Match> found, Dictionary<Technique, string> evidence)
    {
        // "I won't accept being called names" refuses the abuse, not the customer's request;
        // settle that first, so it is never mistaken for a refusal with an alternative.
        if (found.TryGetValue(Technique.Boundary, out var limit)
            && found.TryGetValue(Technique.Refusal, out var refusal)
            && TechniqueRule.Overlaps(limit, refusal))
        {
            evidence.Remove(Technique.Refusal);
        }

        if (evidence.ContainsKey(Technique.Refusal))
        {
            var alternative = AlternativeCue().Match(normalized);
            if ((evidence.ContainsKey(Technique.Solution) && !TechniqueRule.Overlaps(found[Technique.Solution], found[Technique.Refusal])) || alternative.Success)
            {
                evidence.Remove(Technique.Refusal);
                evidence.TryAdd(Technique.Solution, alternative.Success ? alternative.Value : normalized);
            }
        }

        if (evidence.TryGetValue(Technique.Blame, out var blame) && PolicyHiding().IsMatch(blame)
            && !evidence.ContainsKey(Technique.Solution) && !AlternativeCue().IsMatch(normalized))
        {
            evidence.TryAdd(Technique.Refusal, blame);
        }

        // A question that restates the customer's need is a paraphrase, not a new question.
        if (found.TryGetValue(Technique.Paraphrase, out var paraphrase)
            && found.TryGetValue(Technique.ClarifyingQuestion, out var question)
            && TechniqueRule.Overlaps(paraphrase, question))
        {
            evidence.Remove(Technique.ClarifyingQuestion);
        }

        // A handover to a supervisor is an escalation offer; the offer phrasing is not a second, separate solution.
        if (found.TryGetValue(Technique.EscalationOffer, out var escalation)
            && found.TryGetValue(Technique.Solution, out var solution)
            && TechniqueRule.Overlaps(escalation, solution))
        {
            evidence.Remove(Technique.Solution);
        }

        // A bare "sorry" tacked onto a flat no is a softener, not a sincere, specific apology.
        if (evidence.ContainsKey(Technique.Refusal)
            && evidence.TryGetValue(Technique.Apology, out var apology) && apology.Trim() is "sorry" or "so sorry" or "really sorry")
        {
            evidence.Remove(Technique.Apology);
        }

        // "please stop the shouting so I can help" names the behaviour calmly: a boundary, not a brush-off.
        if (found.TryGetValue(Technique.Boundary, out var boundary)
            && found.TryGetValue(Technique.Dismissive, out var dismissive)
            && TechniqueRule.Overlaps(boundary, dismissive))
        {
            evidence.Remove(Technique.Dismissive);
        }
    }

    private static string Mask(string normalized, IReadOnlyList<Match> spans)
    {
        if (spans.Count == 0)
        {
            return normalized;
        }
        var chars = normalized.ToCharArray();
        foreach (var span in spans)
        {
            for (var i = span.Index; i < span.Index + span.Length; i++)
            {
                if (chars[i] != ' ')
                {
                    chars[i] = '#';
                }
            }
        }
        return new string(chars);
    }
}
