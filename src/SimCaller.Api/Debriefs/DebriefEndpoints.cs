using SimCaller.Evaluation.Rendering;
using SimCaller.Practice;

namespace SimCaller.Api.Debriefs;

/// <summary>GET /debriefs/{token}: the debrief page a trainee opens from the texted link.</summary>
public static class DebriefEndpoints
{
    public static string PathFor(string token) => "/debriefs/" + Uri.EscapeDataString(token);

    public static IEndpointRouteBuilder MapDebriefPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/debriefs/{token}", async (string token, PracticeService practice, CancellationToken ct) =>
            await practice.FindDebriefByTokenAsync(token, ct) is { } stored
                ? Results.Content(DebriefHtml.Render(stored.Debrief), "text/html; charset=utf-8")
                : Results.NotFound())
            .WithName("DebriefPage");
        return app;
    }
}
