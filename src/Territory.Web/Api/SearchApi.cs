using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using Territory.Core.Messages;
using Territory.Core.Typology;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary><c>GET /api/search?q=</c>: communes, estates, agencies, territories and QPV by name or code.</summary>
public static class SearchApi
{
    public static void MapSearchApi(this WebApplication app)
    {
        app.MapGet("/api/search", (string? q, int? limit, ProjectSession session, HttpContext context) =>
        {
            var query = Normalize(q ?? "");
            if (query.Length < 2)
                return (IResult)TypedResults.Ok(Array.Empty<SearchHit>());
            return TypedResults.Ok(Search(session.Current, query, Math.Clamp(limit ?? 20, 1, 100), Hosting.RequestLang.Of(context)));
        }).WithName("Search").WithTags("Recherche");
    }

    internal static List<SearchHit> Search(ProjectSnapshot s, string query, int limit, Lang lang = Lang.Fr)
    {
        var hits = new List<(int Rank, SearchHit Hit)>();
        void Consider(string kind, string id, string? name, string detail, Geometry geometry)
        {
            var label = name ?? id;
            var n = Normalize(label);
            var code = Normalize(id);
            int rank = n.StartsWith(query, StringComparison.Ordinal) || code == query ? 0
                : n.Contains(' ' + query, StringComparison.Ordinal) ? 1
                : n.Contains(query, StringComparison.Ordinal) || code.StartsWith(query, StringComparison.Ordinal) ? 2 : -1;
            if (rank >= 0)
                hits.Add((rank, new SearchHit(kind, id, label, detail, Extent(s, geometry))));
        }
        foreach (var c in s.Data.Communes)
            Consider("commune", c.Code, c.Name, Catalogue.Text(lang, "api_search_commune", ("code", c.Code)), c.Geometry);
        foreach (var d in s.Data.Districts)
            Consider("district", d.Code, d.Name, Catalogue.Text(lang, "api_search_district", ("code", d.Code)), d.Geometry);
        foreach (var a in s.Data.Agencies)
            Consider("agency", a.Id, a.Name, Catalogue.Text(lang, "point_kind_" + Territory.Core.Model.AgencyKinds.Code(a.Kind)), a.Location);
        foreach (var t in s.Analysis.Territories)
            Consider("territory", t.Id, t.Name, Catalogue.Text(lang, "territory_type_" + t.Type.Code()), t.Geometry);
        foreach (var e in s.Data.Estates)
            Consider("estate", e.Id, e.Name, Catalogue.Text(lang, "api_search_estate", ("dwellings", e.Dwellings)), e.Geometry);
        string[] order = ["commune", "territory", "district", "agency", "estate"];
        return hits.OrderBy(h => h.Rank).ThenBy(h => Array.IndexOf(order, h.Hit.Kind)).ThenBy(h => h.Hit.Label, StringComparer.Ordinal)
            .Take(limit).Select(h => h.Hit).ToList();
    }

    private static double[] Extent(ProjectSnapshot s, Geometry geometry)
    {
        var e = new Envelope(geometry.EnvelopeInternal);
        e.ExpandBy(Math.Max(200, Math.Max(e.Width, e.Height) * 0.05));
        var (x1, y1) = s.ToWgs84.Transform(e.MinX, e.MinY);
        var (x2, y2) = s.ToWgs84.Transform(e.MaxX, e.MaxY);
        return [Math.Round(Math.Min(x1, x2), 6), Math.Round(Math.Min(y1, y2), 6), Math.Round(Math.Max(x1, x2), 6), Math.Round(Math.Max(y1, y2), 6)];
    }

    /// <summary>Lower case, accents and punctuation removed, spaces collapsed (« Saint-Étienne » → « saint etienne »).</summary>
    /// <remarks>
    /// The build runs in invariant globalization mode, where <see cref="string.Normalize()"/> does not
    /// decompose accented letters: the French (and common Latin) ones are folded by table.
    /// </remarks>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
                continue;
            var lower = char.ToLowerInvariant(ch);
            var folded = Fold(lower);
            if (folded is not null)
            {
                builder.Append(folded);
                continue;
            }
            var c = char.IsLetterOrDigit(lower) ? lower : ' ';
            if (c == ' ' && (builder.Length == 0 || builder[^1] == ' '))
                continue;
            builder.Append(c);
        }
        return builder.ToString().TrimEnd();
    }

    private static string? Fold(char c) => c switch
    {
        'à' or 'â' or 'ä' or 'á' or 'ã' or 'å' => "a",
        'ç' => "c",
        'é' or 'è' or 'ê' or 'ë' => "e",
        'î' or 'ï' or 'í' or 'ì' => "i",
        'ô' or 'ö' or 'ó' or 'ò' or 'õ' => "o",
        'ù' or 'û' or 'ü' or 'ú' => "u",
        'ÿ' or 'ý' => "y",
        'ñ' => "n",
        'œ' => "oe",
        'æ' => "ae",
        _ => null,
    };
}

public sealed record SearchHit(string Kind, string Id, string Label, string Detail, double[] Extent);
