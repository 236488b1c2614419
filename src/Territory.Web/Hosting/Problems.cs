using Territory.Core.Messages;

namespace Territory.Web.Hosting;

/// <summary>
/// ProblemDetails (RFC 9457) answers whose texts come from the catalogue: a title by status, the reason
/// rendered in the request's language, and its stable <c>code</c> beside it.
/// </summary>
public static class Problems
{
    /// <summary>The catalogue code of the title for a status (« Requête invalide », « Projet modifié par ailleurs »…).</summary>
    public static string TitleCode(int status) => status switch
    {
        400 => "problem_title_bad_request",
        401 => "auth_title_unauthorized",
        403 => "problem_title_forbidden",
        404 => "problem_title_not_found",
        405 => "problem_title_method",
        408 => "problem_title_timeout",
        409 => "problem_title_conflict",
        413 => "problem_title_too_large",
        414 => "problem_title_uri_too_long",
        415 => "problem_title_media_type",
        429 => "auth_title_too_many",
        431 => "problem_title_headers_too_large",
        503 => "problem_title_unavailable",
        _ when status >= 500 => "problem_title_internal",
        _ => "problem_title_bad_request",
    };

    /// <summary>The default reason for a status when nothing more precise is known.</summary>
    public static string DetailCode(int status) => status switch
    {
        404 => "problem_detail_not_found",
        405 => "problem_detail_method",
        408 => "problem_detail_timeout",
        413 => "problem_detail_too_large",
        414 => "problem_detail_uri_too_long",
        415 => "problem_detail_media_type",
        431 => "problem_detail_headers_too_large",
        503 => "problem_detail_unavailable",
        _ when status >= 500 => "problem_detail_internal",
        _ => "problem_detail_bad_request",
    };

    /// <summary>A problem answer for <paramref name="reason"/>.</summary>
    /// <param name="context">The request (its language).</param>
    /// <param name="status">HTTP status.</param>
    /// <param name="reason">What went wrong, as a catalogue message.</param>
    /// <param name="extensions">Further members (e.g. the layers of a multi-layer file).</param>
    public static IResult Of(HttpContext context, int status, Message reason, IDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var lang = RequestLang.Of(context);
        var members = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = reason.Code };
        if (extensions is not null)
            foreach (var (k, v) in extensions)
                members[k] = v;
        return TypedResults.Problem(statusCode: status, title: Catalogue.Text(lang, TitleCode(status)), detail: reason.Render(lang), extensions: members);
    }

    /// <summary>A problem answer from a catalogue code and values.</summary>
    public static IResult Of(HttpContext context, int status, string code, params (string Name, object? Value)[] args) =>
        Of(context, status, Message.Of(code, args));
}
