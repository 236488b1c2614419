using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary><c>GET /api/events</c>: progress of imports, analyses and saves as Server-Sent Events.</summary>
public static class EventsApi
{
    public static void MapEventsApi(this WebApplication app)
    {
        app.MapGet("/api/events", (ProgressHub hub, CancellationToken ct) => TypedResults.ServerSentEvents(hub.Subscribe(ct)))
            .WithName("GetEvents").WithTags("Progression");
    }
}
