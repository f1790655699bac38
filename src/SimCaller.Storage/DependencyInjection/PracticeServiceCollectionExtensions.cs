using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Storage;

// In the Practice namespace because it is the practice session's composition call; it lives in this
// assembly because only here are both the session and the stores known.
namespace SimCaller.Practice;

public static class PracticeServiceCollectionExtensions
{
    /// <summary>
    /// The single composition call for the CLI and the API: personas (Personas:Path), rubric
    /// (Rubric:Path), customer voice and analyser (Model:*), the store (Storage:*), TimeProvider.System
    /// and <see cref="PracticeService"/>.
    /// </summary>
    public static IServiceCollection AddSimCallerPractice(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddPracticeSession(configuration).AddSessionStore(configuration);
    }
}
