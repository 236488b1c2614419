using Territory.Core.Messages;

namespace Territory.Web.Hosting;

/// <summary>The language a request is answered in: the <c>lang</c> query parameter, else <c>Accept-Language</c>, else French.</summary>
public static class RequestLang
{
    /// <summary>Language of the request.</summary>
    public static Lang Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query["lang"].ToString();
        if (Langs.IsKnown(query))
            return Langs.Parse(query);
        return Langs.Parse(context.Request.Headers.AcceptLanguage.ToString());
    }
}
