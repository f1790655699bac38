namespace SimCaller.Core.Techniques;

/// <summary>One technique found in an utterance, with the words that showed it (for explanations and evidence).</summary>
public sealed record TechniqueMatch(Technique Technique, string Evidence);
