using System.Globalization;
using SimCaller.Core.Techniques;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SimCaller.Evaluation.Rubrics;

/// <summary>
/// Reads rubric YAML (snake_case) and checks it, reporting every problem with file, line and field:
/// unknown keys, unknown technique ids, weights that are not positive numbers, duplicate ids.
/// </summary>
public static class RubricLoader
{
    /// <summary>Name the embedded copy of rubrics/default.yaml reports as its file.</summary>
    public const string BuiltInName = "(built-in default.yaml)";

    private const string EmbeddedResource = "SimCaller.Evaluation.Rubrics.default.yaml";

    private static readonly string[] TopKeys = ["id", "name", "description", "criteria"];
    private static readonly string[] CriterionKeys = ["id", "name", "weight", "description", "evidence", "enabled_by_default"];
    private static readonly string[] EvidenceKeys = ["earns", "costs", "notes"];

    /// <exception cref="RubricException">The file is missing, unreadable or invalid.</exception>
    public static Rubric Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new RubricException([new RubricProblem(path, 0, "(file)", $"cannot read the rubric: {ex.Message}")]);
        }
        return Parse(yaml, path);
    }

    /// <summary>
    /// rubricsDir/default.yaml when that exists; with no directory given, rubrics/default.yaml beside the
    /// program; otherwise the copy built into this assembly.
    /// </summary>
    public static Rubric LoadDefault(string? rubricsDir)
    {
        var directory = rubricsDir ?? Path.Combine(AppContext.BaseDirectory, "rubrics");
        var path = Path.Combine(directory, "default.yaml");
        return File.Exists(path) ? Load(path) : LoadEmbedded();
    }

    /// <summary>The rubric shipped inside the assembly (rubrics/default.yaml at build time).</summary>
    public static Rubric LoadEmbedded()
    {
        using var stream = typeof(RubricLoader).Assembly.GetManifestResourceStream(EmbeddedResource)
            ?? throw new InvalidOperationException($"The built-in rubric resource {EmbeddedResource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), BuiltInName);
    }

    /// <summary>Parses and validates rubric YAML; <paramref name="sourceName"/> is the file name used in problems.</summary>
    /// <exception cref="RubricException">The YAML is malformed or invalid.</exception>
    public static Rubric Parse(string yaml, string sourceName)
    {
        var problems = new List<RubricProblem>();
        var rubric = TryParse(yaml ?? "", sourceName, problems);
        if (problems.Count > 0 || rubric is null)
        {
            throw new RubricException(problems.Count > 0 ? problems : [new RubricProblem(sourceName, 0, "(file)", "the rubric is empty")]);
        }
        return rubric;
    }

    /// <summary>Every problem in a rubric file, empty when it is fine (for linting).</summary>
    public static IReadOnlyList<RubricProblem> Validate(string path)
    {
        try
        {
            Load(path);
            return [];
        }
        catch (RubricException ex)
        {
            return ex.Problems;
        }
    }

    private static Rubric? TryParse(string yaml, string file, List<RubricProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            problems.Add(new RubricProblem(file, (int)ex.Start.Line, "(yaml)", $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new RubricProblem(file, 0, "(file)", "expected a mapping with id, name, description and criteria"));
            return null;
        }

        var context = new Context(file, problems);
        context.CheckKeys(root, "", TopKeys);
        var id = context.RequiredString(root, "id", "");
        var name = context.RequiredString(root, "name", "");
        var description = context.OptionalString(root, "description", "") ?? "";

        var criteria = new List<RubricCriterion>();
        if (!root.Children.TryGetValue(new YamlScalarNode("criteria"), out var criteriaNode))
        {
            problems.Add(new RubricProblem(file, Line(root), "criteria", "missing: a rubric needs at least one criterion"));
        }
        else if (criteriaNode is not YamlSequenceNode list || list.Children.Count == 0)
        {
            problems.Add(new RubricProblem(file, Line(criteriaNode), "criteria", "must be a non-empty list of criteria"));
        }
        else
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < list.Children.Count; i++)
            {
                var path = $"criteria[{i}]";
                if (list.Children[i] is not YamlMappingNode node)
                {
                    problems.Add(new RubricProblem(file, Line(list.Children[i]), path, "must be a mapping with id, name, weight, ..."));
                    continue;
                }
                if (ParseCriterion(node, path, context) is { } criterion)
                {
                    if (seen.TryGetValue(criterion.Id, out var firstLine))
                    {
                        problems.Add(new RubricProblem(file, Line(node), path + ".id", $"duplicate id '{criterion.Id}' (first defined on line {firstLine})"));
                    }
                    else
                    {
                        seen[criterion.Id] = Line(node);
                        criteria.Add(criterion);
                    }
                }
            }
        }

        return id is null || name is null ? null : new Rubric(id, name, description.Trim(), criteria, file);
    }

    private static RubricCriterion? ParseCriterion(YamlMappingNode node, string path, Context context)
    {
        context.CheckKeys(node, path + ".", CriterionKeys);
        var id = context.RequiredString(node, "id", path + ".");
        var name = context.RequiredString(node, "name", path + ".");
        var description = context.OptionalString(node, "description", path + ".") ?? "";
        var weight = context.Weight(node, path + ".weight");
        var enabled = context.OptionalBool(node, "enabled_by_default", path + ".") ?? true;

        CriterionEvidence evidence = new([], [], "");
        if (node.Children.TryGetValue(new YamlScalarNode("evidence"), out var evidenceNode))
        {
            if (evidenceNode is YamlMappingNode map)
            {
                context.CheckKeys(map, path + ".evidence.", EvidenceKeys);
                evidence = new CriterionEvidence(
                    context.Techniques(map, "earns", path + ".evidence."),
                    context.Techniques(map, "costs", path + ".evidence."),
                    (context.OptionalString(map, "notes", path + ".evidence.") ?? "").Trim());
            }
            else
            {
                context.Problem(evidenceNode, path + ".evidence", "must be a mapping with earns, costs and notes");
            }
        }

        return id is null || name is null || weight is null
            ? null
            : new RubricCriterion(id, name, weight.Value, description.Trim(), evidence, enabled);
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private sealed class Context(string file, List<RubricProblem> problems)
    {
        public void Problem(YamlNode node, string field, string message) => problems.Add(new RubricProblem(file, Line(node), field, message));

        public void CheckKeys(YamlMappingNode node, string prefix, string[] allowed)
        {
            foreach (var key in node.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(name, StringComparer.Ordinal))
                {
                    Problem(key, prefix + name, $"unknown key (expected one of: {string.Join(", ", allowed)})");
                }
            }
        }

        public string? RequiredString(YamlMappingNode node, string key, string prefix)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                Problem(node, prefix + key, "missing");
                return null;
            }
            if (value is not YamlScalarNode { Value: { } text } || text.Trim().Length == 0)
            {
                Problem(value, prefix + key, "must be a non-empty text");
                return null;
            }
            return text.Trim();
        }

        public string? OptionalString(YamlMappingNode node, string key, string prefix)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return null;
            }
            if (value is not YamlScalarNode scalar)
            {
                Problem(value, prefix + key, "must be text");
                return null;
            }
            return scalar.Value ?? "";
        }

        public bool? OptionalBool(YamlMappingNode node, string key, string prefix)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return null;
            }
            if (value is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var flag))
            {
                return flag;
            }
            Problem(value, prefix + key, "must be true or false");
            return null;
        }

        public double? Weight(YamlMappingNode node, string field)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode("weight"), out var value))
            {
                Problem(node, field, "missing");
                return null;
            }
            if (value is not YamlScalarNode { Value: { } text }
                || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
                || double.IsNaN(weight) || double.IsInfinity(weight))
            {
                Problem(value, field, $"must be a number, got '{(value as YamlScalarNode)?.Value}'");
                return null;
            }
            if (weight <= 0)
            {
                Problem(value, field, $"must be greater than 0, got {text}");
                return null;
            }
            return weight;
        }

        public IReadOnlyList<Technique> Techniques(YamlMappingNode node, string key, string prefix)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return [];
            }
            if (value is not YamlSequenceNode list)
            {
                Problem(value, prefix + key, "must be a list of technique ids, e.g. [empathy, apology]");
                return [];
            }
            var techniques = new List<Technique>();
            foreach (var item in list.Children)
            {
                var id = (item as YamlScalarNode)?.Value;
                if (TechniqueIds.TryParse(id, out var technique))
                {
                    techniques.Add(technique);
                }
                else
                {
                    Problem(item, prefix + key, $"unknown technique id '{id}' (known: {string.Join(", ", TechniqueIds.AllIds)})");
                }
            }
            return techniques;
        }
    }
}
