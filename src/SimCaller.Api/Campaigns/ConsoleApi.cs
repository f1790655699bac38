using SimCaller.Accounts;
using SimCaller.Api.Accounts;
using SimCaller.Api.Assignments;
using SimCaller.Api.Reviews;
using SimCaller.Hiring;
using SimCaller.Training;

namespace SimCaller.Api.Campaigns;

/// <summary>
/// The trainer and hiring console's HTTP API: campaigns, invites, comparison and candidates (hiring managers,
/// admins), score overrides (trainers, admins), assignments; the role policies and the retention service.
/// </summary>
public static class ConsoleApi
{
    /// <summary>Hiring managers and admins.</summary>
    public const string HiringPolicy = "hiring";

    /// <summary>Trainers and admins.</summary>
    public const string ReviewPolicy = "review";

    public static IServiceCollection AddConsoleApi(this IServiceCollection services)
    {
        services.AddSimCallerHiring();
        services.AddSimCallerTraining();
        services.AddHostedService<CandidateRetentionService>();
        services.AddAuthorizationBuilder()
            .AddPolicy(HiringPolicy, policy => policy.RequireAuthenticatedUser()
                .RequireClaim(CallerClaims.Role, Role.Hiring.ToId(), Role.Admin.ToId()))
            .AddPolicy(ReviewPolicy, policy => policy.RequireAuthenticatedUser()
                .RequireClaim(CallerClaims.Role, Role.Trainer.ToId(), Role.Admin.ToId()));
        return services;
    }

    public static IEndpointRouteBuilder MapConsoleApi(this IEndpointRouteBuilder app)
    {
        app.MapCampaignsApi();
        app.MapReviewsApi();
        app.MapAssignmentsApi();
        return app;
    }
}
