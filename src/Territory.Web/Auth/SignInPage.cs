using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Territory.Core.Messages;

namespace Territory.Web.Auth;

/// <summary>The sign-in page of the map (served by the server itself, every word from the catalogue, no script).</summary>
public static class SignInPage
{
    /// <summary>Its address.</summary>
    public const string Path = "/connexion";

    /// <summary>The page, with the reason of a failed attempt when there is one.</summary>
    /// <param name="lang">Language of the page.</param>
    /// <param name="returnUrl">Where to go once signed in (a path of this server).</param>
    /// <param name="error">Why the last attempt failed, or null.</param>
    /// <param name="name">The name typed in the last attempt, kept in the field.</param>
    /// <param name="directory">True when the organisation's directory is configured (a second way in).</param>
    public static string Render(Lang lang, string returnUrl, Message? error, string? name, bool directory)
    {
        string T(string code) => Html.Encode(Catalogue.Text(lang, code));
        var html = new StringBuilder();
        html.Append($"<!doctype html><html lang=\"{(lang == Lang.En ? "en" : "fr")}\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append($"<title>{T("auth_page_title")}</title><style>{Style}</style></head><body>");
        html.Append($"<main><h1>{T("auth_page_heading")}</h1><p>{T("auth_page_intro")}</p>");
        if (error is not null)
            html.Append($"<p class=\"error\" role=\"alert\" data-code=\"{Html.Encode(error.Code)}\">{Html.Encode(error.Render(lang))}</p>");
        html.Append($"<form method=\"post\" action=\"{Path}\" id=\"signin\">");
        html.Append($"<input type=\"hidden\" name=\"retour\" value=\"{Html.Encode(returnUrl)}\">");
        html.Append($"<label for=\"name\">{T("auth_page_name")}</label>");
        html.Append($"<input id=\"name\" name=\"name\" autocomplete=\"username\" required autofocus value=\"{Html.Encode(name ?? "")}\">");
        html.Append($"<label for=\"password\">{T("auth_page_password")}</label>");
        html.Append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>");
        html.Append($"<button type=\"submit\">{T("auth_page_submit")}</button></form>");
        if (directory)
            html.Append($"<p class=\"or\"><a id=\"directory\" href=\"{Path}/annuaire?retour={Uri.EscapeDataString(returnUrl)}\">{T("auth_page_directory")}</a></p>");
        html.Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>A path of this server to go back to, or <c>/</c> (never another site: <c>//host</c>, <c>/\host</c>, a full URL).</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } r && r[0] == '/' && (r.Length == 1 || (r[1] != '/' && r[1] != '\\')) && !r.StartsWith(Path, StringComparison.Ordinal) ? r : "/";

    // Markup characters escaped, French letters kept as they are (the default encoder writes « à » as &#xE0;).
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style =
        "body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}" +
        "main{background:#fff;padding:2rem 2.5rem;border-radius:8px;box-shadow:0 2px 12px #0002;width:22rem}" +
        "h1{font-size:1.3rem;margin:0 0 .5rem}p{color:#444;font-size:.9rem}label{display:block;margin:.8rem 0 .2rem;font-size:.9rem}" +
        "input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}button{margin-top:1.2rem;width:100%;padding:.6rem;font-size:1rem;" +
        "background:#1f5fa8;color:#fff;border:0;border-radius:4px;cursor:pointer}.error{color:#a40000;background:#fde8e8;padding:.5rem;border-radius:4px}" +
        ".or{text-align:center;margin-top:1rem}";
}
