using SimCaller.Persona.Loading;

namespace SimCaller.Persona.Tests.Loading;

public class LocatorTests
{
    [Fact]
    public void A_configured_path_wins()
    {
        Assert.Equal(Path.GetFullPath("/srv/custom-personas"), PersonaLocator.ResolveDirectory("/srv/custom-personas"));
    }

    [Fact]
    public void From_anywhere_inside_a_checkout_the_repository_folder_is_found()
    {
        using var repo = new TempDir();
        repo.Write("SimCaller.sln", "");
        Directory.CreateDirectory(Path.Combine(repo.Path, "personas"));
        var deep = Directory.CreateDirectory(Path.Combine(repo.Path, "src", "SimCaller.Cli", "bin")).FullName;

        Assert.Equal(Path.Combine(repo.Path, "personas"), PersonaLocator.ResolveDirectory(null, deep));
    }

    [Fact]
    public void A_personas_folder_without_the_solution_beside_it_is_not_mistaken_for_the_repository()
    {
        using var elsewhere = new TempDir();
        Directory.CreateDirectory(Path.Combine(elsewhere.Path, "rubrics"));

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "rubrics"), DataLocator.Resolve("rubrics", " ", elsewhere.Path));
    }
}
