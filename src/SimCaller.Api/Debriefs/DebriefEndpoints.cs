using SimCaller.Evaluation.Rendering;
using SimCaller.Practice;
using SimCaller.Practice.Replay;

namespace SimCaller.Api.Debriefs;

/// <summary>GET /debriefs/{token}: the debrief page a trainee opens from the texted link.</summary>
public static class DebriefEndpoints
{
    public static string PathFor(string token) => "/debriefs/" + Uri.EscapeDataString(token);

    public static IEndpointRouteBuilder MapDebriefPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/debriefs/{token}", async (string token, PracticeService practice, CallReplayer replayer, CancellationToken ct) =>
            await practice.FindDebriefByTokenAsync(token, ct) is { } stored
                ? Results.Content(
                    DebriefHtml.Render(stored.Debrief, await replayer.WhatIfsAsync(stored.SessionId, stored.Debrief, ct)),
                    "text/html; charset=utf-8")
                : Results.NotFound())
            .WithName("DebriefPage");
        return app;
    }
}
