using System.Globalization;
using Territory.Web.State;

namespace Territory.Web.Hosting;

/// <summary>
/// Stamps every API response with <c>X-Territory-Version</c>, the version of the project state it was
/// answered from (the client reloads its layers when the number changes), and
/// <c>X-Territory-Data-Version</c>, the store's data version that state was read at.
/// </summary>
/// <remarks>
/// The client sends the data version its view was made from back in <c>X-Territory-Data-Version</c> with
/// every save and import: a view older than what is committed gets a 409 instead of overwriting it.
/// </remarks>
public sealed class VersionHeader(RequestDelegate next)
{
    /// <summary>Response header carrying <see cref="ProjectSnapshot.Version"/>.</summary>
    public const string Header = "X-Territory-Version";

    /// <summary>Request and response header carrying the store's data version.</summary>
    public const string DataHeader = "X-Territory-Data-Version";

    public Task InvokeAsync(HttpContext context, ProjectSession session)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            // Read when the response starts, so an edit answers with the version it produced.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = session.Current.Version.ToString(CultureInfo.InvariantCulture);
                context.Response.Headers[DataHeader] = session.DataVersion.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
        }
        return next(context);
    }

    /// <summary>The data version the client's view was made from (header, or <c>expectedVersion</c> in the query), or null.</summary>
    /// <exception cref="BadHttpRequestException">Present but not a whole number.</exception>
    public static long? Seen(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Headers[DataHeader].ToString();
        if (string.IsNullOrEmpty(text))
            text = request.Query["expectedVersion"].ToString();
        if (string.IsNullOrEmpty(text))
            return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new BadHttpRequestException($"{DataHeader}: {text}", StatusCodes.Status400BadRequest);
    }
}
