using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Rubrics;

namespace SimCaller.Evaluation.Tests.Rubrics;

public sealed class RubricLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rubric-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string RepoRubric()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "rubrics", "default.yaml");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "SimCaller.sln")))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("rubrics/default.yaml not found above the test directory");
    }

    [Fact]
    public void Shipped_rubric_has_the_contract_criteria()
    {
        var rubric = RubricLoader.Load(RepoRubric());
        string[] expected =
        [
            CriterionIds.ActiveListening, CriterionIds.Empathy, CriterionIds.Ownership, CriterionIds.Solutions,
            CriterionIds.Expectations, CriterionIds.ProfessionalTone, CriterionIds.AvoidingCliches, CriterionIds.EarsFlow,
            CriterionIds.Boundaries, CriterionIds.StayingOnTrack, CriterionIds.Escalation,
        ];
        Assert.Equal(expected.Order(), rubric.Criteria.Select(c => c.Id).Order());
        Assert.False(rubric.Find(CriterionIds.Boundaries)!.EnabledByDefault);
        Assert.False(rubric.Find(CriterionIds.StayingOnTrack)!.EnabledByDefault);
        Assert.True(rubric.Find(CriterionIds.Empathy)!.EnabledByDefault);
        Assert.Contains(Technique.Paraphrase, rubric.Find(CriterionIds.ActiveListening)!.Evidence.Earns);
        Assert.Contains(Technique.Cliche, rubric.Find(CriterionIds.AvoidingCliches)!.Evidence.Costs);
        Assert.All(rubric.Criteria, c => Assert.True(c.Weight > 0 && c.Description.Length > 20, c.Id));
    }

    [Fact]
    public void Built_in_copy_matches_the_file()
    {
        var file = RubricLoader.Load(RepoRubric());
        var embedded = RubricLoader.LoadEmbedded();
        Assert.Equal(RubricLoader.BuiltInName, embedded.SourceFile);
        Assert.Equal(file.Criteria.Select(c => (c.Id, c.Weight, c.EnabledByDefault)), embedded.Criteria.Select(c => (c.Id, c.Weight, c.EnabledByDefault)));
    }

    [Fact]
    public void LoadDefault_prefers_the_directory_and_falls_back_to_the_built_in_copy()
    {
        File.WriteAllText(Path.Combine(_dir, "default.yaml"), """
            id: house
            name: House rubric
            criteria:
              - id: empathy
                name: Empathy
                weight: 1
                evidence: { earns: [empathy] }
            """);
        Assert.Equal("house", RubricLoader.LoadDefault(_dir).Id);
        Assert.Equal(RubricLoader.BuiltInName, RubricLoader.LoadDefault(Path.Combine(_dir, "missing")).SourceFile);
    }

    [Fact]
    public void Active_criteria_apply_persona_toggles_over_defaults()
    {
        var rubric = RubricLoader.LoadEmbedded();
        var active = rubric.ActiveCriteria(disabled: [CriterionIds.AvoidingCliches], enabled: [CriterionIds.Boundaries]).Select(c => c.Id).ToArray();
        Assert.Contains(CriterionIds.Boundaries, active);
        Assert.DoesNotContain(CriterionIds.AvoidingCliches, active);
        Assert.DoesNotContain(CriterionIds.StayingOnTrack, active);
    }

    [Fact]
    public void Bad_rubric_reports_file_line_and_field_for_every_problem()
    {
        var path = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(path, """
            id: bad
            name: Bad rubric
            criteria:
              - id: empathy
                name: Empathy
                weight: 0
                evidence:
                  earns: [empathy, sympathy]
              - id: empathy
                name: Empathy again
                weight: 5
                colour: blue
              - id: tone
                name: Tone
                weight: heavy
            """);

        var ex = Assert.Throws<RubricException>(() => RubricLoader.Load(path));
        var problems = ex.Problems;
        Assert.All(problems, p => Assert.Equal(path, p.File));

        var weight = Assert.Single(problems, p => p.Field == "criteria[0].weight");
        Assert.Equal(6, weight.Line);
        Assert.Contains("greater than 0", weight.Message);

        var technique = Assert.Single(problems, p => p.Field == "criteria[0].evidence.earns");
        Assert.Equal(8, technique.Line);
        Assert.Contains("unknown technique id 'sympathy'", technique.Message);

        var unknownKey = Assert.Single(problems, p => p.Field == "criteria[1].colour");
        Assert.Equal(12, unknownKey.Line);
        Assert.Contains("unknown key", unknownKey.Message);

        var notNumber = Assert.Single(problems, p => p.Field == "criteria[2].weight");
        Assert.Contains("must be a number", notNumber.Message);

        Assert.Contains($"{path}:6: criteria[0].weight", ex.Message);
        Assert.Equal(problems, RubricLoader.Validate(path));
    }

    [Fact]
    public void Duplicate_ids_are_reported_with_the_first_definition()
    {
        var ex = Assert.Throws<RubricException>(() => RubricLoader.Parse("""
            id: dup
            name: Dup
            criteria:
              - id: empathy
                name: A
                weight: 1
              - id: empathy
                name: B
                weight: 1
            """, "dup.yaml"));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("criteria[1].id", problem.Field);
        Assert.Equal(7, problem.Line);
        Assert.Contains("duplicate id 'empathy' (first defined on line 4)", problem.Message);
    }

    [Fact]
    public void Broken_yaml_and_missing_files_give_clear_problems()
    {
        var yaml = Assert.Throws<RubricException>(() => RubricLoader.Parse("id: x\ncriteria: [unclosed", "broken.yaml"));
        Assert.Equal("broken.yaml", yaml.Problems[0].File);
        Assert.Contains("not valid YAML", yaml.Problems[0].Message);

        var missing = Path.Combine(_dir, "nope.yaml");
        var file = Assert.Throws<RubricException>(() => RubricLoader.Load(missing));
        Assert.Contains("cannot read the rubric", Assert.Single(file.Problems).Message);

        var empty = Assert.Throws<RubricException>(() => RubricLoader.Parse("id: x\nname: y\ncriteria: []", "empty.yaml"));
        Assert.Equal("criteria", Assert.Single(empty.Problems).Field);
    }
}
