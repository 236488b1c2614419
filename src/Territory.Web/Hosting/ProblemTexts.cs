using Territory.Core.Messages;

namespace Territory.Web.Hosting;

/// <summary>
/// Gives every ProblemDetails a title from the catalogue in the request's language, and those the framework
/// writes by itself (status-code pages: 404, 405, 415…) a reason and its <c>code</c> as well.
/// </summary>
internal static class ProblemTexts
{
    public static void Fill(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var lang = RequestLang.Of(context.HttpContext);
        problem.Title = Catalogue.Text(lang, Problems.TitleCode(status));
        if (problem.Extensions.ContainsKey("code") || !string.IsNullOrEmpty(problem.Detail))
            return;
        var code = Problems.DetailCode(status);
        problem.Detail = Catalogue.Text(lang, code, ("type", context.Exception?.GetType().Name ?? ""));
        problem.Extensions["code"] = code;
    }
}
