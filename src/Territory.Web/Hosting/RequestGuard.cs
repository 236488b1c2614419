namespace Territory.Web.Hosting;

/// <summary>
/// First middleware: refuses, as ProblemDetails, a request whose <c>Host</c> is not this machine when
/// the server listens on loopback only (DNS rebinding: a web page cannot reach the map through a name
/// it controls), and a URL longer than <see cref="MaxUrlLength"/> (414).
/// </summary>
public sealed class RequestGuard(RequestDelegate next, WebOptions options)
{
    /// <summary>Longest path + query string answered, in characters; Kestrel's request-line limit is set above it so this answer is ours.</summary>
    public const int MaxUrlLength = 8 * 1024;

    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]", "::1"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (options.IsLoopback && !IsLoopbackHost(request.Host))
        {
            await Problems.Of(context, StatusCodes.Status400BadRequest, "problem_detail_bad_host", ("host", Shorten(request.Host.Value ?? ""))).ExecuteAsync(context);
            return;
        }
        if ((request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0) > MaxUrlLength)
        {
            await Problems.Of(context, StatusCodes.Status414UriTooLong, "problem_detail_uri_too_long").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool IsLoopbackHost(HostString host)
    {
        if (!host.HasValue)
            return false;
        var name = host.Host;
        return LoopbackHosts.Any(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
