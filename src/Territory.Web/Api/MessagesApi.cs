using Territory.Core.Messages;
using Territory.Web.Hosting;

namespace Territory.Web.Api;

/// <summary>
/// <c>GET /api/messages?lang=fr|en</c>: the catalogue texts the map fills in the browser (its own
/// <c>map_*</c> codes, the shared labels of fields, severities, layers, point kinds and types, and the
/// headings of the plan, staff and caretaking panels), with the same template syntax as the server.
/// </summary>
/// <remarks>
/// The rule of the map's texts: the chrome (headings, buttons, column names, legends) comes from here and is
/// redrawn in the browser on a language switch; what the server computed (reasons, plan lines, stakes, the
/// typology's rule) comes rendered in the request's language inside each answer, and a switch asks for it again.
/// </remarks>
public static class MessagesApi
{
    // The map's own area and the labels it shows next to what the server sends.
    private static readonly string[] Prefixes = ["map_", "field_", "severity_", "write_mode_", "layer_kind_", "point_kind_", "territory_type_", "housing_"];

    public static void MapMessagesApi(this WebApplication app)
    {
        app.MapGet("/api/messages", (HttpContext context) =>
        {
            var lang = RequestLang.Of(context);
            var texts = Catalogue.All(lang)
                .Where(kv => Prefixes.Any(p => kv.Key.StartsWith(p, StringComparison.Ordinal)) || PresenceDetails.Headings.Contains(kv.Key))
                .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            return TypedResults.Ok(new MessagesAnswer(lang.Tag(), texts));
        }).WithName("GetMessages").WithTags("Projet");
    }
}

/// <summary>The texts of one language: code → template.</summary>
public sealed record MessagesAnswer(string Lang, IReadOnlyDictionary<string, string> Messages);
