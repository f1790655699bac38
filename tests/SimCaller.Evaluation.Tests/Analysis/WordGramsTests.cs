using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Analysis;

namespace SimCaller.Evaluation.Tests.Analysis;

/// <summary>The wording features of the classifier and the corpus files it is trained from.</summary>
public sealed class WordGramsTests
{
    [Fact]
    public void Terms_are_the_words_and_the_word_pairs()
    {
        Assert.Equal(["as", "i", "said", "as i", "i said"], WordGrams.Of("as i said"));
        Assert.Empty(WordGrams.Of(""));
    }

    [Fact]
    public void Only_wording_seen_in_two_training_lines_is_kept_so_one_offs_are_not_memorised()
    {
        var grams = WordGrams.Learn(["as i said before", "like i said", "as i said", "thanks for waiting"]);
        Assert.Contains("i said", grams.Terms);
        Assert.Contains("as i", grams.Terms);
        Assert.DoesNotContain("before", grams.Terms);
        Assert.DoesNotContain("thanks", grams.Terms);
        Assert.Equal(grams.Terms.Order(StringComparer.Ordinal), grams.Terms);
    }

    [Fact]
    public void A_sentence_becomes_a_unit_length_vector_of_known_terms()
    {
        var grams = WordGrams.Learn(["as i said before", "like i said", "as i said", "i said no"]);
        var vector = grams.Vectorize("well as i said the parcel left");
        Assert.Equal(vector.Indices.Order(), vector.Indices);
        Assert.Equal(new HashSet<string> { "as", "i", "said", "as i", "i said" }, vector.Indices.Select(i => grams.Terms[i]).ToHashSet());
        Assert.Equal(1, Math.Sqrt(vector.Values.Sum(v => v * v)), 5);
        Assert.Empty(grams.Vectorize("the parcel left").Indices);
    }

    [Fact]
    public void Rarer_wording_weighs_more_than_common_wording()
    {
        var grams = WordGrams.Learn(["as i said", "i said no", "i can help", "i will call", "as i said"]);
        var vector = grams.Vectorize("as i said");
        var weight = vector.Indices.Zip(vector.Values).ToDictionary(p => grams.Terms[p.First], p => p.Second);
        Assert.True(weight["as"] > weight["i"]);
    }
}

public sealed class TechniqueCorpusTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("corpus-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string file, params string[] lines) => File.WriteAllLines(Path.Combine(_folder, file), lines);

    [Fact]
    public void Training_reads_every_file_but_the_blind_sets_and_splits_by_the_lines_own_split()
    {
        Write("train.jsonl", """{"split": "train", "text": "thanks for waiting", "labels": ["gratitude"]}""");
        Write("batch-9.jsonl",
            """{"split": "train", "text": "calm down", "labels": ["dismissive"]}""",
            """{"split": "dev", "text": "like i said", "labels": ["defensive"]}""");
        Write("blind-9.jsonl", """{"split": "blind-9", "text": "sorry about that", "labels": ["apology"]}""");

        var (train, dev) = TechniqueCorpus.LoadTraining(_folder);

        Assert.Equal(["calm down", "thanks for waiting"], train.Select(u => u.Text));
        Assert.Equal(Technique.Defensive, Assert.Single(dev).Labels.Single());
    }

    [Fact]
    public void A_line_with_a_blind_split_outside_a_blind_file_is_refused_with_its_place()
    {
        Write("batch-9.jsonl",
            """{"split": "train", "text": "calm down", "labels": ["dismissive"]}""",
            """{"split": "blind-9", "text": "sorry about that", "labels": ["apology"]}""");

        var error = Assert.Throws<InvalidDataException>(() => TechniqueCorpus.LoadTraining(_folder));
        Assert.Contains("batch-9.jsonl entry 2", error.Message);
        Assert.Contains("blind-9", error.Message);
    }
}
