namespace Territory.Web.Hosting;

/// <summary>
/// Refuses state-changing API calls that lack the <c>X-Territory-Client</c> header: a page from
/// another site cannot send it without a CORS preflight, which this server never grants, so it
/// cannot import into or save over the project behind the user's back.
/// </summary>
public sealed class MutationGuard(RequestDelegate next)
{
    /// <summary>Header every state-changing request of the front end carries.</summary>
    public const string Header = "X-Territory-Client";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            && !request.Headers.ContainsKey(Header))
        {
            await Problems.Of(context, StatusCodes.Status403Forbidden, "request_client_header_missing", ("header", Header)).ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
