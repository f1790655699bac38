using SimCaller.Core.Calls;
using SimCaller.Evaluation.Debriefs;

namespace SimCaller.Evaluation.Tests.Debriefs;

/// <summary>A persona's third-person scenario becomes something an agent can say to the customer.</summary>
public sealed class ScenarioWordingTests
{
    [Theory]
    [InlineData("Rick's broadband has been dead for six days. He is furious.", "Rick Malone", "your broadband has been dead for six days")]
    [InlineData("Priya's parcel was left in the rain (again) and she only wants it replaced.", "Priya Nair", "your parcel was left in the rain and you only want it replaced")]
    [InlineData("She keeps getting charged for a plan her husband cancelled.", "Lena Ford", "you keep getting charged for a plan your husband cancelled")]
    [InlineData("Tom's car was towed while he was at work, and nobody told him.", "Tom Reed", "your car was towed while you were at work, and nobody told you")]
    [InlineData("My boiler has been broken since Monday.", "Ann Lee", "your boiler has been broken since Monday")]
    public void The_problem_is_told_to_the_customer_in_the_second_person(string problem, string name, string expected)
    {
        Assert.Equal(expected, new ScenarioWording(new CallScenario(Problem: problem), name).Problem);
    }

    [Fact]
    public void A_need_that_starts_with_a_participle_reads_as_to_be_done()
    {
        var wording = new ScenarioWording(new CallScenario(Need: "Rebooked on a confirmed seat that lands before 9 am (any airline)."), "Dana Whitfield");
        Assert.Equal("rebooked on a confirmed seat that lands before 9 am", wording.Need);
        Assert.Equal("to be rebooked on a confirmed seat that lands before 9 am", wording.NeedAsObject);
        var noun = new ScenarioWording(new CallScenario(Need: "The duplicate payment refunded to her bank account."), "Bernadette Kay");
        Assert.Equal("the duplicate payment refunded to your bank account", noun.NeedAsObject);
    }

    [Fact]
    public void A_long_problem_is_cut_at_a_clause_break()
    {
        var problem = "Sam's kitchen was flooded by a burst pipe the installer fitted last month, and the insurer, the installer and the "
            + "landlord each say it is someone else's job to pay for the repairs, the drying and the ruined cupboards.";
        var said = new ScenarioWording(new CallScenario(Problem: problem), "Sam Ortiz").Problem!;
        Assert.StartsWith("your kitchen was flooded by a burst pipe", said);
        Assert.True(said.Length <= 150, said);
        Assert.DoesNotMatch(@"[,;]$|\b(and|but)$", said);
    }

    [Fact]
    public void Missing_pieces_stay_null()
    {
        var wording = new ScenarioWording(null, null);
        Assert.Null(wording.Problem);
        Assert.Null(wording.Need);
        Assert.Null(wording.Company);
        Assert.Null(new ScenarioWording(new CallScenario(Problem: "   "), "X").Problem);
    }
}
