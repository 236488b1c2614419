using System.Globalization;
using Territory.Web.State;

namespace Territory.Web.Hosting;

/// <summary>
/// Stamps every API response with <c>X-Territory-Version</c>, the version of the project state
/// it was answered from: the client reloads its layers when the number changes.
/// </summary>
public sealed class VersionHeader(RequestDelegate next)
{
    /// <summary>Response header carrying <see cref="ProjectSnapshot.Version"/>.</summary>
    public const string Header = "X-Territory-Version";

    public Task InvokeAsync(HttpContext context, ProjectSession session)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            // Read when the response starts, so an edit answers with the version it produced.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = session.Current.Version.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
