using Territory.Web.State;

namespace Territory.Web.Hosting;

/// <summary>
/// Holds API requests until the project is loaded (<see cref="ProjectSession.Ready"/>), when the server listens while it
/// loads (<see cref="WebOptions.ListenBeforeLoad"/>): a request arriving early waits for the state, never answers from none.
/// The map's own files (page, scripts) pass at once.
/// </summary>
/// <remarks>A failed load answers its failure (through the problem handler); <c>territory serve</c> then stops.</remarks>
public sealed class LoadGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ProjectSession session)
    {
        if (!session.Ready.IsCompletedSuccessfully && context.Request.Path.StartsWithSegments("/api"))
            await session.WaitForLoadAsync(context.RequestAborted);
        await next(context);
    }
}
