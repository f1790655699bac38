using System.Text.RegularExpressions;
using SimCaller.Core.Techniques;
using SimCaller.Core.Text;

namespace SimCaller.Evaluation.Analysis;

/// <summary>
/// How one technique shows in normalised text (see <see cref="TextNormalizer"/>): phrases that count,
/// phrases that look alike but do not (<c>unless</c>), and whether a "not"/"never" just before cancels it.
/// </summary>
internal sealed class TechniqueRule
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly Regex NegationBefore = new(@"\b(not|never|no|nobody|none|hardly)( \w+)? ?$", Options);

    private readonly Regex[] _patterns;
    private readonly Regex[] _unless;
    private readonly bool _negatable;

    public TechniqueRule(Technique technique, string[] patterns, string[]? unless = null, bool negatable = false)
    {
        Technique = technique;
        _patterns = patterns.Select(Compile).ToArray();
        _unless = (unless ?? []).Select(Compile).ToArray();
        _negatable = negatable;
    }

    public Technique Technique { get; }

    /// <summary>The first span in <paramref name="text"/> that shows the technique, or null.</summary>
    public Match? FindIn(string text) => FindAllIn(text).FirstOrDefault();

    /// <summary>Every span in <paramref name="text"/> that shows the technique, pattern by pattern.</summary>
    public IEnumerable<Match> FindAllIn(string text)
    {
        var excluded = _unless.SelectMany(u => u.Matches(text)).ToArray();
        foreach (var pattern in _patterns)
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (excluded.Any(e => Overlaps(e, match)))
                {
                    continue;
                }
                if (_negatable && NegationBefore.IsMatch(text[..match.Index]))
                {
                    continue;
                }
                yield return match;
            }
        }
    }

    internal static bool Overlaps(Match a, Match b) => a.Index < b.Index + b.Length && b.Index < a.Index + a.Length;

    // Whole words only: every table entry is wrapped in word boundaries.
    private static Regex Compile(string pattern) => new($@"\b(?:{pattern})\b", Options);
}
