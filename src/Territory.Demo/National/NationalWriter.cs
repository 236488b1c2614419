using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.IO.Import;
using Territory.IO.Layers;
using Territory.Store;
using static Territory.IO.Layers.ColumnType;

namespace Territory.Demo.National;

/// <summary>Writes a <see cref="NationalDataset"/> as source files (what a landlord's export would look like) or straight into a project.</summary>
public static class NationalWriter
{
    /// <summary>Layer names in the source GeoPackage.</summary>
    public const string EstatesLayer = "programmes", AgenciesLayer = "agences", CommunesLayer = "communes", DistrictsLayer = "qpv";

    /// <summary>Writes <c>DIR/national.gpkg</c>: four layers with the column names of RPLS-style exports (<c>nb_logements</c>, <c>depcom</c>…), EPSG:2154.</summary>
    /// <returns>The file written.</returns>
    public static string WriteSources(NationalDataset set, string directory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "national.gpkg");
        foreach (var stale in new[] { path, path + "-journal" })
            File.Delete(stale);
        var srid = CrsRegistry.Lambert93;
        using var file = GeoPackageFile.Open(path);
        file.WriteLayer(new LayerDefinition(CommunesLayer, "MULTIPOLYGON", srid,
            [new("code", Text), new("nom", Text), new("population", Integer), new("superficie_km2", Real), new("grille_densite", Integer)]), false, w =>
        {
            foreach (var c in set.Communes)
                w.Write(Multi(c.Geometry), c.Code, c.Name, c.Population, c.AreaKm2, c.DensityLevel);
        }, ct);
        file.WriteLayer(new LayerDefinition(DistrictsLayer, "MULTIPOLYGON", srid, [new("code_qp", Text), new("nom_qp", Text), new("code_commune", Text)]), false, w =>
        {
            foreach (var d in set.Districts)
                w.Write(Multi(d.Geometry), d.Code, d.Name, d.CommuneCode);
        }, ct);
        file.WriteLayer(new LayerDefinition(AgenciesLayer, "POINT", srid,
            [new("id", Text), new("nom", Text), new("type", Text), new("bailleur", Text), new("effectif", Integer), new("gardiens", Integer), new("depcom", Text)]), false, w =>
        {
            foreach (var a in set.Agencies)
                w.Write(a.Location, a.Id, a.Name, a.Kind.Code(), a.Landlord, a.Staff, a.SiteStaff, a.CommuneCode);
        }, ct);
        file.WriteLayer(new LayerDefinition(EstatesLayer, "POINT", srid,
            [new("id", Text), new("nom", Text), new("bailleur", Text), new("nb_logements", Integer), new("typeconst", Text), new("construct", Integer),
             new("depcom", Text), new("code_qpv", Text), new("agence", Text)]), false, w =>
        {
            foreach (var e in set.Estates)
                w.Write(e.Geometry, e.Id, e.Name, e.Landlord, e.Dwellings, ProjectLayers.HousingCode(e.Housing), e.ConstructionYear, e.CommuneCode, e.QpvCode, e.AgencyId);
        }, ct);
        return path;
    }

    /// <summary>Writes the set straight into a project, reference layers first (the estates are joined to them on the way in).</summary>
    public static IReadOnlyList<LayerWriteOutcome> WriteInto(NationalDataset set, IProjectStore store, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(store);
        var options = new LayerWriteOptions { AllowShrink = true, Source = "territory demo --national" };
        var outcomes = new List<LayerWriteOutcome>
        {
            store.ImportLayer(Result(LayerKind.Communes, set.Communes.Count) with { Communes = set.Communes }, options, ct),
        };
        progress?.Report(0.2);
        outcomes.Add(store.ImportLayer(Result(LayerKind.Qpv, set.Districts.Count) with { Districts = set.Districts }, options, ct));
        outcomes.Add(store.ImportLayer(Result(LayerKind.Agencies, set.Agencies.Count) with { Agencies = set.Agencies }, options, ct));
        progress?.Report(0.4);
        outcomes.Add(store.ImportLayer(Result(LayerKind.Estates, set.Estates.Count) with { Estates = set.Estates }, options, ct));
        progress?.Report(1);
        return outcomes;
    }

    private static ImportResult Result(LayerKind kind, int count) => new()
    {
        Kind = kind,
        SourcePath = "territory demo --national",
        SourceCrs = CrsRegistry.Lambert93,
        TargetCrs = CrsRegistry.Lambert93,
        Read = count,
    };

    private static NetTopologySuite.Geometries.Geometry Multi(NetTopologySuite.Geometries.Geometry g) =>
        g is NetTopologySuite.Geometries.Polygon p ? g.Factory.CreateMultiPolygon([(NetTopologySuite.Geometries.Polygon)p.Copy()]) : g;
}
