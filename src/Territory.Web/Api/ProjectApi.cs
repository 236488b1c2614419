using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Typology;
using Territory.Web.Hosting;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary><c>GET /api/project</c>: what the map needs first (extent, counts, legend, basemaps).</summary>
public static class ProjectApi
{
    public static void MapProjectApi(this WebApplication app)
    {
        // Built once per project state: with 50,000 estates the extent and landlord list cost tens of milliseconds.
        app.MapGet("/api/project", (ProjectSession session, WebOptions options) =>
        {
            return TypedResults.Ok(Answer(session, session.Current, options));
        })
            .WithName("GetProject").WithTags("Projet");
    }

    /// <summary>The answer of <c>GET /api/project</c> for a state, built once per state (the tiles' preparation builds it first).</summary>
    internal static ProjectInfo Answer(ProjectSession session, ProjectSnapshot s, WebOptions options) =>
        s.Memo("project", () => Describe(session, s, options));

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    internal static ProjectInfo Describe(ProjectSession session, ProjectSnapshot s, WebOptions options)
    {
        var d = s.Data;
        var extent = Extent(s);
        var types = TerritoryTypes.All.Select(t =>
        {
            var summary = s.Analysis.Types.FirstOrDefault(x => x.Type == t);
            return new TypeInfo(t.Code(), Catalogue.Text(Lang.Fr, "territory_type_" + t.Code()), Catalogue.Text(Lang.En, "territory_type_" + t.Code()),
                t.Colour(), summary?.Territories ?? 0, summary?.Dwellings ?? 0);
        }).ToList();
        return new ProjectInfo(
            Territory.Store.ProjectStores.NameOf(session.ProjectPath),
            d.Organisation,
            d.WorkingCrs,
            extent,
            new ProjectCounts(d.Estates.Count, d.Estates.Sum(e => e.Dwellings), d.Agencies.Count, d.Communes.Count, d.Districts.Count, s.Analysis.Territories.Count),
            session.Graph is not null,
            s.Review?.Estimated ?? true,
            s.Version,
            types,
            AgencyKinds.All.Select(k => new KindInfo(k.Code(), k.Label(Lang.Fr), k.Label(Lang.En))).ToList(),
            d.Estates.Select(e => e.Landlord).Concat(d.Agencies.Select(a => a.Landlord)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Basemaps.All,
            Basemaps.All.Any(b => b.Id == options.DefaultBasemap) ? options.DefaultBasemap : "none",
            options.MaxUploadBytes)
        {
            DataVersion = s.Data.DataVersion,
        };
    }

    /// <summary>Lon/lat extent of everything in the project (communes first, else estates and agencies).</summary>
    private static double[]? Extent(ProjectSnapshot s)
    {
        var envelope = new NetTopologySuite.Geometries.Envelope();
        foreach (var c in s.Data.Communes) envelope.ExpandToInclude(c.Geometry.EnvelopeInternal);
        foreach (var e in s.Data.Estates) envelope.ExpandToInclude(e.Geometry.EnvelopeInternal);
        foreach (var a in s.Data.Agencies) envelope.ExpandToInclude(a.Location.EnvelopeInternal);
        foreach (var q in s.Data.Districts) envelope.ExpandToInclude(q.Geometry.EnvelopeInternal);
        if (envelope.IsNull)
            return null;
        // The rectangle's edges curve in lon/lat (Lambert-93 is conic): densify them so the extent holds every feature.
        var rectangle = new NetTopologySuite.Geometries.GeometryFactory().ToGeometry(envelope);
        var densified = NetTopologySuite.Densify.Densifier.Densify(rectangle, Math.Max(1, Math.Max(envelope.Width, envelope.Height) / 64));
        var box = s.ToWgs84.Transform(densified).EnvelopeInternal;
        return [Math.Round(box.MinX, 6), Math.Round(box.MinY, 6), Math.Round(box.MaxX, 6), Math.Round(box.MaxY, 6)];
    }
}

public sealed record ProjectInfo(string Name, string? Organisation, int WorkingCrs, double[]? Extent, ProjectCounts Counts, bool Roads, bool TravelEstimated,
    int Version, IReadOnlyList<TypeInfo> Types, IReadOnlyList<KindInfo> AgencyKinds, IReadOnlyList<string> Landlords,
    IReadOnlyList<Basemap> Basemaps, string DefaultBasemap, long MaxUploadBytes)
{
    /// <summary>The store's data version this state was read at (sent back with saves and imports).</summary>
    public long DataVersion { get; init; }
}

public sealed record ProjectCounts(int Estates, int Dwellings, int Agencies, int Communes, int Districts, int Territories);

public sealed record TypeInfo(string Code, string Label, string LabelEn, string Colour, int Territories, int Dwellings);

public sealed record KindInfo(string Code, string Label, string LabelEn);
