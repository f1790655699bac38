using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;

namespace SimCaller.Persona.Tests.Mood;

/// <summary>Builds trainee turns for mood tests: techniques already labelled, text unique unless given.</summary>
internal static class Script
{
    private static int _counter;

    public static PersonaDefinition Load(string id) =>
        Assert.Single(PersonaLoader.LoadFile(RepoPaths.Persona(id)).Personas);

    /// <summary>A turn with these techniques and words that never repeat an earlier line.</summary>
    public static UtteranceAnalysis Say(params Technique[] techniques) =>
        Said($"line {Interlocked.Increment(ref _counter)} {string.Join(' ', techniques.Select(t => t.ToId()))}", techniques);

    public static UtteranceAnalysis Said(string text, params Technique[] techniques) =>
        new(text, techniques.Select(t => new TechniqueMatch(t, text)).ToArray());

    public static UtteranceAnalysis Nothing() => UtteranceAnalysis.Empty("");
}
