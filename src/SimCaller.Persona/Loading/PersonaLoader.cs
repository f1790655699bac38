using System.Text.RegularExpressions;
using SimCaller.Persona.Definitions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SimCaller.Persona.Loading;

/// <summary>
/// Reads persona YAML files. Never throws for bad input: every problem comes back located
/// (file, line, field), and a bad file never stops the good ones from loading.
/// </summary>
public static partial class PersonaLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties() // unknown keys are reported by the shape check, with their line
        .Build();

    /// <summary>One persona file; on any error the persona is left out and the problems say why (warnings do not keep it out).</summary>
    public static PersonaLoadResult LoadFile(string path, PersonaCheckOptions? options = null)
    {
        var loaded = Load(path, options);
        return new PersonaLoadResult(loaded.Persona is null ? [] : [loaded.Persona], loaded.Problems) { Warnings = loaded.Warnings };
    }

    /// <summary>
    /// A persona from YAML text rather than a file (a session's stored copy); <paramref name="name"/>
    /// stands in for the file in problems. Validated exactly like a file.
    /// </summary>
    public static PersonaLoadResult ParseText(string yaml, string name)
    {
        var loaded = Parse(yaml ?? "", name);
        if (loaded.Persona is { } persona)
        {
            persona.SourceFile = null;
        }
        return new PersonaLoadResult(loaded.Persona is null ? [] : [loaded.Persona], loaded.Problems);
    }

    /// <summary>Every *.yaml / *.yml file directly in <paramref name="directory"/>, in name order; the first file to claim an id wins it.</summary>
    public static PersonaLoadResult LoadDirectory(string directory, PersonaCheckOptions? options = null)
    {
        if (!Directory.Exists(directory))
        {
            return new PersonaLoadResult([], [new PersonaProblem(directory, null, null, "persona directory not found")]);
        }
        var personas = new List<PersonaDefinition>();
        var problems = new List<PersonaProblem>();
        var warnings = new List<PersonaProblem>();
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in PersonaFiles(directory))
        {
            var loaded = Load(file, options);
            problems.AddRange(loaded.Problems);
            warnings.AddRange(loaded.Warnings);
            if (loaded.Persona is not { } persona)
            {
                continue;
            }
            if (owners.TryGetValue(persona.Id, out var owner))
            {
                problems.Add(DuplicateId(file, loaded.IdLine, persona.Id, owner));
                continue;
            }
            owners[persona.Id] = file;
            personas.Add(persona);
        }
        return new PersonaLoadResult(personas, problems) { Warnings = warnings };
    }

    internal static IEnumerable<string> PersonaFiles(string directory) =>
        Directory.EnumerateFiles(directory)
            .Where(IsPersonaFile)
            .Order(StringComparer.Ordinal);

    internal static bool IsPersonaFile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    internal static PersonaProblem DuplicateId(string file, int? line, string id, string owner) =>
        new(file, line, "id", $"duplicate id '{id}': already used by {owner}");

    /// <summary>One file's outcome (errors in Problems), with the line of its id so directory-level checks can point at it.</summary>
    internal sealed record FileLoad(PersonaDefinition? Persona, IReadOnlyList<PersonaProblem> Problems, int? IdLine)
    {
        public IReadOnlyList<PersonaProblem> Warnings { get; init; } = [];
    }

    internal static FileLoad Load(string path, PersonaCheckOptions? options = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var message = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file: {e.Message}";
            return Failed(new PersonaProblem(path, null, null, message));
        }
        return Parse(text, path, options);
    }

    internal static FileLoad Parse(string text, string file, PersonaCheckOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Failed(new PersonaProblem(file, null, null, "the file is empty"));
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return Failed(SyntaxError(text, file, e));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up without a position on some unterminated constructs.
            return Failed(new PersonaProblem(file, null, null, "YAML syntax error: the file ends inside an unclosed bracket, brace or quote"));
        }
        if (stream.Documents.Count != 1)
        {
            return Failed(new PersonaProblem(file, null, null, $"expected one persona per file, found {stream.Documents.Count} YAML documents"));
        }

        var shape = new ShapeChecker(file);
        shape.Check(stream.Documents[0].RootNode);
        var problems = new List<PersonaProblem>(shape.Problems);
        int? idLine = shape.Lines.TryGetValue("id", out var l) ? l : null;

        PersonaDefinition? persona;
        try
        {
            persona = Deserializer.Deserialize<PersonaDefinition>(text);
        }
        catch (YamlException e)
        {
            // The shape check usually explains the same fault better; only speak when it did not.
            if (problems.Count == 0)
            {
                problems.Add(new PersonaProblem(file, (int)e.Start.Line, null, CleanMessage(e)));
            }
            return new FileLoad(null, problems, idLine);
        }
        if (persona is null)
        {
            return Failed(new PersonaProblem(file, null, null, "the file holds no persona"));
        }
        NullRepair.Repair(persona);
        persona.SourceFile = Path.GetFullPath(file);
        DefaultDifficulty(persona, shape.Lines);
        persona.SourceText = text;
        problems.AddRange(new PersonaValidator(file, shape.Lines, options).Validate(persona));
        // In file order, so a trainer can fix them top to bottom.
        var errors = problems.Where(p => !p.IsWarning).OrderBy(p => p.Line ?? 0).ToArray();
        var warnings = problems.Where(p => p.IsWarning).OrderBy(p => p.Line ?? 0).ToArray();
        return new FileLoad(errors.Length == 0 ? persona : null, errors, idLine) { Warnings = warnings };
    }

    /// <summary>
    /// Level names are the trainer's: with no default_difficulty the default is "standard" when the file
    /// has a level of that name, else its first level.
    /// </summary>
    private static void DefaultDifficulty(PersonaDefinition persona, IReadOnlyDictionary<string, int> lines)
    {
        if (!lines.ContainsKey("default_difficulty") && persona.Difficulties.Count > 0 && !persona.TryResolveDifficulty(null, out _))
        {
            persona.DefaultDifficulty = persona.Difficulties.Keys.First();
        }
    }

    /// <summary>
    /// A syntax error at the line where it is: YamlDotNet's start mark is often the enclosing block (line 1
    /// for a tab deep in the file), its end mark is where reading failed. Tabs get their own advice, since
    /// they look like spaces in most editors.
    /// </summary>
    private static PersonaProblem SyntaxError(string text, string file, YamlException e)
    {
        var line = (int)Math.Max(e.Start.Line, e.End.Line);
        var lines = text.Split('\n');
        var tab = Array.FindIndex(lines, l => l.TrimEnd('\r').TakeWhile(c => c is ' ' or '\t').Contains('\t'));
        if (tab >= 0 && tab + 1 <= line)
        {
            return new PersonaProblem(file, tab + 1, null,
                "YAML syntax error: a tab in the indentation; YAML indents with spaces only, so replace the tab with spaces");
        }
        return new PersonaProblem(file, line, null, $"YAML syntax error: {CleanMessage(e)}");
    }

    private static FileLoad Failed(PersonaProblem problem) => new(null, [problem], null);

    /// <summary>YamlDotNet prefixes positions we already report; keep the words a trainer can act on.</summary>
    private static string CleanMessage(YamlException e)
    {
        var message = e.InnerException is { } inner && !string.IsNullOrWhiteSpace(inner.Message) ? inner.Message : e.Message;
        return PositionPrefix().Replace(message, "").Trim();
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();
}
