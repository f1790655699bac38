using Microsoft.AspNetCore.Http.HttpResults;
using SimCaller.Accounts;

namespace SimCaller.Api;

/// <summary>A domain service's refusal as ProblemDetails: not found 404, denied 403, bad input 400.</summary>
internal static class RefusalProblems
{
    public static async Task<Results<T, ProblemHttpResult>> RunAsync<T>(Func<Task<T>> action) where T : IResult
    {
        try
        {
            return await action();
        }
        catch (RefusalException e)
        {
            return e.Kind switch
            {
                RefusalKind.NotFound => Problems.NotFound(e.Message),
                RefusalKind.Denied => Problems.Forbidden(e.Message),
                _ => Problems.BadRequest(e.Message),
            };
        }
    }
}
