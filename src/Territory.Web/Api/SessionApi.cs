using Territory.Web.Hosting;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>
/// The session's freshness: <c>GET /api/project/status</c> (versions, and why saves are refused when the
/// session is stale) and <c>POST /api/project/reload</c> (re-read what others committed, keeping the scenario).
/// </summary>
public static class SessionApi
{
    public static void MapSessionApi(this WebApplication app)
    {
        app.MapGet("/api/project/status", (ProjectSession session, HttpContext http) => TypedResults.Ok(Status(session, http, false)))
            .WithName("GetProjectStatus").WithTags("Projet");
        app.MapPost("/api/project/reload", async (ProjectSession session, HttpContext http, CancellationToken ct) =>
        {
            var reloaded = await session.ReloadAsync(ct);
            return TypedResults.Ok(Status(session, http, reloaded));
        }).WithName("ReloadProject").WithTags("Projet");
    }

    private static SessionStatus Status(ProjectSession session, HttpContext http, bool reloaded)
    {
        var stale = session.StaleReason;
        return new SessionStatus(session.Current.Version, session.DataVersion, reloaded, stale is not null, stale?.Code, stale?.Render(RequestLang.Of(http)));
    }
}

/// <summary>Versions of the session and whether it can write.</summary>
/// <param name="Version">Version of the state the map shows.</param>
/// <param name="DataVersion">The store's data version that state was read at.</param>
/// <param name="Reloaded">True when this call re-read the project.</param>
/// <param name="Stale">True when saves and imports are refused until a reload succeeds.</param>
/// <param name="StaleCode">Catalogue code of the reason.</param>
/// <param name="StaleReason">The reason, rendered.</param>
public sealed record SessionStatus(int Version, long DataVersion, bool Reloaded, bool Stale, string? StaleCode, string? StaleReason);
