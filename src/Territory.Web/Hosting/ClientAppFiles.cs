using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Territory.Web.Hosting;

/// <summary>The front end built by Vite (ClientApp/dist), embedded in this assembly and served from memory.</summary>
public static class ClientAppFiles
{
    private static readonly Lazy<IFileProvider> Provider = new(() =>
        new ManifestEmbeddedFileProvider(typeof(ClientAppFiles).Assembly, "ClientApp/dist"));

    /// <summary>The embedded files (index.html, assets/…).</summary>
    public static IFileProvider Files => Provider.Value;

    public static void Use(WebApplication app)
    {
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = Files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Files,
            OnPrepareResponse = context =>
            {
                // Vite names assets by content hash: cache them for good; index.html always revalidates.
                context.Context.Response.Headers[HeaderNames.CacheControl] =
                    context.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });
    }

    /// <summary>Unknown non-API paths without a file extension get the app (deep links); a missing asset stays a 404.</summary>
    /// <remarks>
    /// API paths are left out of the fallback, and it answers GET only: an unknown one is a 404, a known one with the wrong method a 405 and
    /// with the wrong body type a 415, each a ProblemDetails from the status-code pages (<see cref="ProblemTexts"/>).
    /// </remarks>
    public static void MapFallback(WebApplication app)
    {
        app.MapFallback("{**path:nonfile:regex(^(?!api(/|$)))}", async context =>
        {
            var index = Files.GetFileInfo("index.html");
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            await using var stream = index.CreateReadStream();
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
        }).WithMetadata(new HttpMethodMetadata(["GET", "HEAD"])); // deep links are GETs; other methods keep their 405/415
    }
}
