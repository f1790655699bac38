using System.Text.Json;
using SimCaller.Core.Techniques;

namespace SimCaller.Evaluation.Analysis;

/// <summary>One hand-labelled trainee utterance of the technique corpus (corpus/techniques/*.jsonl).</summary>
public sealed record LabelledUtterance(string Text, IReadOnlySet<Technique> Labels, string Domain = "", string Split = "");

/// <summary>Reads the corpus files: one JSON object per line with "text" and "labels" (technique ids).</summary>
public static class TechniqueCorpus
{
    /// <summary>
    /// The training material of a corpus folder: every *.jsonl file except the blind sets (blind*.jsonl,
    /// which only measure), in name order, each line going to train or dev by its "split" field.
    /// </summary>
    /// <exception cref="InvalidDataException">A line is malformed, or its split is neither "train" nor "dev" (file and line given).</exception>
    public static (IReadOnlyList<LabelledUtterance> Train, IReadOnlyList<LabelledUtterance> Dev) LoadTraining(string folder)
    {
        var train = new List<LabelledUtterance>();
        var dev = new List<LabelledUtterance>();
        var files = Directory.GetFiles(folder, "*.jsonl")
            .Where(f => !Path.GetFileName(f).StartsWith("blind", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var lines = Load(file);
            for (var i = 0; i < lines.Count; i++)
            {
                (lines[i].Split switch
                {
                    "train" => train,
                    "dev" => dev,
                    var other => throw new InvalidDataException($"{file} entry {i + 1}: split '{other}' is neither 'train' nor 'dev' (blind sets belong in blind*.jsonl)."),
                }).Add(lines[i]);
            }
        }
        return (train, dev);
    }

    /// <exception cref="InvalidDataException">A line is not JSON, lacks "text", or names an unknown technique id (file and line given).</exception>
    public static IReadOnlyList<LabelledUtterance> Load(string path)
    {
        var result = new List<LabelledUtterance>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var text = root.GetProperty("text").GetString() ?? throw new InvalidDataException("\"text\" is null");
                var labels = root.TryGetProperty("labels", out var list)
                    ? list.EnumerateArray().Select(l => TechniqueIds.TryParse(l.GetString(), out var t)
                        ? t
                        : throw new InvalidDataException($"unknown technique id '{l.GetString()}'")).ToHashSet()
                    : [];
                var domain = root.TryGetProperty("domain", out var d) ? d.GetString() ?? "" : "";
                var split = root.TryGetProperty("split", out var sp) ? sp.GetString() ?? "" : "";
                result.Add(new LabelledUtterance(text, labels, domain, split));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
            {
                throw new InvalidDataException($"{path} line {number}: {ex.Message}", ex);
            }
        }
        return result;
    }
}

/// <summary>Precision, recall and F1 per technique and overall (micro), for a labelled set and predictions.</summary>
public sealed class TechniqueScores
{
    private readonly Dictionary<Technique, (int Tp, int Fp, int Fn)> _counts = TechniqueIds.All.ToDictionary(t => t, _ => (0, 0, 0));

    public void Add(IReadOnlySet<Technique> expected, IReadOnlySet<Technique> predicted)
    {
        foreach (var t in TechniqueIds.All)
        {
            var (tp, fp, fn) = _counts[t];
            var e = expected.Contains(t);
            var p = predicted.Contains(t);
            _counts[t] = (tp + (e && p ? 1 : 0), fp + (p && !e ? 1 : 0), fn + (e && !p ? 1 : 0));
        }
    }

    public int Support(Technique t) => _counts[t].Tp + _counts[t].Fn;
    public double Precision(Technique t) => Ratio(_counts[t].Tp, _counts[t].Tp + _counts[t].Fp);
    public double Recall(Technique t) => Ratio(_counts[t].Tp, _counts[t].Tp + _counts[t].Fn);
    public double F1(Technique t) => F(Precision(t), Recall(t));

    public double MicroPrecision => Ratio(_counts.Values.Sum(c => c.Tp), _counts.Values.Sum(c => c.Tp + c.Fp));
    public double MicroRecall => Ratio(_counts.Values.Sum(c => c.Tp), _counts.Values.Sum(c => c.Tp + c.Fn));
    public double MicroF1 => F(MicroPrecision, MicroRecall);

    /// <summary>A plain-text table: one row per technique, then the micro average.</summary>
    public string ToTable(string title)
    {
        var table = new System.Text.StringBuilder();
        table.AppendLine(title);
        table.AppendLine($"{"technique",-20} {"support",7} {"precision",9} {"recall",7} {"f1",6}");
        foreach (var t in TechniqueIds.All)
        {
            table.AppendLine($"{t.ToId(),-20} {Support(t),7} {Precision(t),9:0.00} {Recall(t),7:0.00} {F1(t),6:0.00}");
        }
        table.AppendLine($"{"micro",-20} {TechniqueIds.All.Sum(Support),7} {MicroPrecision,9:0.00} {MicroRecall,7:0.00} {MicroF1,6:0.00}");
        return table.ToString();
    }

    private static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;
    private static double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
