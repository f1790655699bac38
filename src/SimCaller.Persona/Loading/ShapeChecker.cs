using System.Globalization;
using System.Reflection;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization.NamingConventions;

namespace SimCaller.Persona.Loading;

/// <summary>
/// Walks the YAML tree against the persona types before deserialising, because only the tree still
/// knows line numbers: unknown keys, wrong shapes and unparsable numbers are reported where they are.
/// It also records the line of every field so later checks can point at them.
/// </summary>
internal sealed class ShapeChecker(string file)
{
    private readonly List<PersonaProblem> _problems = [];
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public IReadOnlyList<PersonaProblem> Problems => _problems;

    /// <summary>Line of each field path seen ("needs.anger_floor", "opening_lines[0]").</summary>
    public IReadOnlyDictionary<string, int> Lines => _lines;

    public void Check(YamlNode root) => Visit(root, typeof(PersonaDefinition), "");

    private void Visit(YamlNode node, Type type, string path)
    {
        if (IsNull(node) && !IsScalarType(type))
        {
            return; // An empty section reads as empty; the semantic checks say if it was required.
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            VisitList(node, type.GetGenericArguments()[0], path);
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            VisitDictionary(node, type.GetGenericArguments()[1], path);
        }
        else if (IsScalarType(type))
        {
            VisitScalar(node, type, path);
        }
        else
        {
            VisitObject(node, type, path);
        }
    }

    private void VisitObject(YamlNode node, Type type, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            Add(node, path, $"expected a section of keys, found {Describe(node)}");
            return;
        }
        var properties = Properties(type);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value ?? "").Trim();
            var childPath = Join(path, key);
            if (!properties.TryGetValue(key, out var property))
            {
                Add(keyNode, childPath, $"unknown key '{key}'{DidYouMean.Hint(key, properties.Keys)}");
                continue;
            }
            _lines[childPath] = LineOf(keyNode);
            Visit(valueNode, property.PropertyType, childPath);
        }
    }

    private void VisitDictionary(YamlNode node, Type valueType, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            Add(node, path, $"expected a section of keys, found {Describe(node)}");
            return;
        }
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value ?? "").Trim();
            var childPath = Join(path, key);
            _lines[childPath] = LineOf(keyNode);
            if (CheckDictionaryKey(keyNode, path, key, childPath))
            {
                Visit(valueNode, valueType, childPath);
            }
        }
    }

    /// <summary>Keys that are ids from a fixed vocabulary: technique ids, reaction keys, mood names.</summary>
    private bool CheckDictionaryKey(YamlNode keyNode, string path, string key, string childPath)
    {
        if (key.Length == 0)
        {
            Add(keyNode, path, "empty key");
            return false;
        }
        if (path == "weights" && !TechniqueIds.TryParse(key, out _))
        {
            Add(keyNode, childPath,
                $"unknown technique id '{key}'{DidYouMean.Hint(key, TechniqueIds.AllIds)} (known: {string.Join(", ", TechniqueIds.AllIds)})");
            return false;
        }
        if (path == "lines.reactions" && !ReactionKeys.IsKnown(key))
        {
            Add(keyNode, childPath,
                $"unknown reaction '{key}'{DidYouMean.Hint(key, ReactionKeys.All)} (known: technique ids and {string.Join(", ", ReactionKeys.Moments)})");
            return false;
        }
        if (path.StartsWith("lines.reactions.", StringComparison.Ordinal) && !MoodStateIds.TryParse(key, out _))
        {
            Add(keyNode, childPath,
                $"unknown mood '{key}'{DidYouMean.Hint(key, MoodStateIds.AllIds)} (known: {string.Join(", ", MoodStateIds.AllIds)})");
            return false;
        }
        return true;
    }

    private void VisitList(YamlNode node, Type itemType, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Add(node, path, $"expected a list (lines starting with '- '), found {Describe(node)}");
            return;
        }
        var index = 0;
        foreach (var item in sequence.Children)
        {
            var itemPath = $"{path}[{index++}]";
            _lines[itemPath] = LineOf(item);
            if (itemType == typeof(string) && (IsNull(item) || item is YamlScalarNode { Value: var v } && string.IsNullOrWhiteSpace(v)))
            {
                Add(item, itemPath, "empty entry");
                continue;
            }
            Visit(item, itemType, itemPath);
        }
    }

    private void VisitScalar(YamlNode node, Type type, string path)
    {
        if (node is not YamlScalarNode scalar)
        {
            Add(node, path, $"expected a single value, found {Describe(node)}");
            return;
        }
        var text = scalar.Value ?? "";
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (IsNull(node))
        {
            if (target != typeof(string) && Nullable.GetUnderlyingType(type) is null)
            {
                Add(node, path, $"missing value (expected {Expected(target)})");
            }
            return;
        }
        var ok = target == typeof(string)
            || target == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            || target == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || target == typeof(bool) && bool.TryParse(text, out _);
        if (!ok)
        {
            Add(node, path, $"expected {Expected(target)}, got '{text}'");
        }
    }

    private static string Expected(Type type) =>
        type == typeof(int) ? "a whole number" : type == typeof(double) ? "a number" : type == typeof(bool) ? "true or false" : "text";

    private static bool IsScalarType(Type type) =>
        type == typeof(string) || (Nullable.GetUnderlyingType(type) ?? type).IsPrimitive;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a section of keys",
        _ => "something else",
    };

    /// <summary>YAML keys of a persona type: snake_case property names; SourceFile and SourceText are not part of the file.</summary>
    internal static Dictionary<string, PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.Name != nameof(PersonaDefinition.SourceFile) && p.Name != nameof(PersonaDefinition.SourceText))
            .ToDictionary(p => UnderscoredNamingConvention.Instance.Apply(p.Name), StringComparer.Ordinal);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static int LineOf(YamlNode node) => (int)node.Start.Line;

    private void Add(YamlNode node, string? path, string message) =>
        _problems.Add(new PersonaProblem(file, LineOf(node), string.IsNullOrEmpty(path) ? null : path, message));
}
