using System.CommandLine;
using System.Text.Json;
using SimCaller.Cli.Hosting;
using SimCaller.Evaluation.Analysis;
using SimCaller.Persona.Loading;
using SimCaller.Understanding;

namespace SimCaller.Cli.Commands;

/// <summary>`simcaller analyzer train`: refit the technique classifier from the corpus in the repository.</summary>
public static class AnalyzerCommand
{
    public static Command Create(GlobalOptions global) =>
        new("analyzer", "The technique analyser: retrain its classifier")
        {
            Train(global),
        };

    private static Command Train(GlobalOptions global)
    {
        var corpus = new Option<string?>("--corpus") { Description = "Corpus folder: every *.jsonl except blind*.jsonl, lines split into train and dev (default: the repository's corpus/techniques)", HelpName = "DIR" };
        var output = new Option<string?>("--out") { Description = $"Weights file to write (default: the repository's src/SimCaller.Evaluation/Analysis/{TechniqueClassifier.FileName})", HelpName = "FILE" };
        var json = new Option<bool>("--json") { Description = "Print the dev scores as JSON" };
        var command = new Command("train", "Train the technique classifier on the corpus (reproducible: same corpus, same weights) and write its weights") { corpus, output, json };
        command.SetAction(async (parse, ct) =>
        {
            var folder = DataLocator.Resolve(Path.Combine("corpus", "techniques"), parse.GetValue(corpus));
            if (!Directory.Exists(folder))
            {
                await Console.Error.WriteLineAsync($"simcaller: no corpus folder at {folder} (run from the repository or pass --corpus).");
                return ExitCodes.BadInput;
            }
            var target = parse.GetValue(output) is { Length: > 0 } given
                ? Path.GetFullPath(given)
                : Path.Combine(Path.GetDirectoryName(DataLocator.Resolve("src", null))!, "src", "SimCaller.Evaluation", "Analysis", TechniqueClassifier.FileName);
            try
            {
                var (train, dev) = TechniqueCorpus.LoadTraining(folder);
                if (train.Count == 0)
                {
                    await Console.Error.WriteLineAsync($"simcaller: {folder} has no training lines (split \"train\" in a *.jsonl other than blind*.jsonl).");
                    return ExitCodes.BadInput;
                }
                await Console.Error.WriteLineAsync($"training on {train.Count} lines, scoring on {dev.Count} dev lines, then refitting on both (the blind sets are not read)");
                var model = new MiniLmEmbedder();
                if (!model.Warm())
                {
                    await Console.Error.WriteLineAsync("simcaller: the sentence model could not be loaded; nothing was trained.");
                    return ExitCodes.Failure;
                }
                var result = TechniqueClassifierTrainer.Train(train, dev, model, MiniLmEmbedder.ModelName, "corpus/techniques");
                ct.ThrowIfCancellationRequested();
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllTextAsync(target, result.Classifier.ToJson(), ct);
                if (parse.GetValue(json))
                {
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        Weights = target,
                        Version = result.Classifier.Version,
                        Threshold = result.Classifier.Threshold,
                        DevMicroF1 = Math.Round(result.Dev.MicroF1, 4),
                    }, CliJson.Indented));
                }
                else
                {
                    await Console.Out.WriteLineAsync(result.Dev.ToTable($"dev split ({dev.Count} lines read as turns, threshold {result.Classifier.Threshold:0.00}), fitted on train alone"));
                    await Console.Out.WriteLineAsync($"wrote {target} ({result.Classifier.Version}); rebuild to ship it");
                }
                return ExitCodes.Ok;
            }
            catch (InvalidDataException e)
            {
                await Console.Error.WriteLineAsync($"simcaller: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"simcaller: could not write {target}: {e.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
