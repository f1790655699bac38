using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SimCaller.Training;

public static class TrainingServiceCollectionExtensions
{
    /// <summary>Reviews and assignments; the <see cref="ITrainingStore"/> comes with the session store.</summary>
    public static IServiceCollection AddSimCallerTraining(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReviewService>();
        services.TryAddSingleton<AssignmentService>();
        return services;
    }
}
