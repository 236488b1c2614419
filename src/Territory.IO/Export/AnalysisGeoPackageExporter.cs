using NetTopologySuite.Geometries;
using Territory.Core.Analysis;
using Territory.Core.Typology;
using Territory.IO.GeoPackage;

namespace Territory.IO.Export;

/// <summary>A standalone GeoPackage of the analysis that QGIS opens styled: territories coloured by type.</summary>
/// <remarks>
/// Layers: <c>territories</c>, <c>recommendations</c>, <c>caretaking_ensembles</c>, <c>residences</c> (estate points with their
/// territory type), <c>agences</c>, <c>quartiers_qpv</c>; plus the <c>layer_styles</c> table QGIS reads default styles from.
/// </remarks>
public static class AnalysisGeoPackageExporter
{
    private static readonly GeoPackageColumn[] StyleColumns =
    [
        new("f_table_catalog", GeoPackageColumnType.Text), new("f_table_schema", GeoPackageColumnType.Text),
        new("f_table_name", GeoPackageColumnType.Text), new("f_geometry_column", GeoPackageColumnType.Text),
        new("stylename", GeoPackageColumnType.Text), new("styleqml", GeoPackageColumnType.Text), new("stylesld", GeoPackageColumnType.Text),
        new("useasdefault", GeoPackageColumnType.Boolean), new("description", GeoPackageColumnType.Text),
        new("owner", GeoPackageColumnType.Text), new("ui", GeoPackageColumnType.Text), new("update_time", GeoPackageColumnType.Text),
    ];

    /// <summary>Writes the export to <paramref name="path"/>, replacing any earlier file.</summary>
    public static void Write(AnalysisResult result, string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        File.Delete(path);
        var srid = result.WorkingCrsEpsg;
        using var store = GeoPackageProjectStore.Open(path);
        AnalysisLayers.Write(store, result, ct);

        var typeOfEstate = new Dictionary<string, (string Territory, TerritoryType Type)>(StringComparer.Ordinal);
        foreach (var t in result.Territories)
            foreach (var id in t.EstateIds)
                typeOfEstate[id] = (t.Id, t.Type);
        store.WriteLayer(new GeoPackageLayerDefinition("residences", "POINT", srid,
            [Col("estate_id"), Col("name"), Col("landlord"), new("dwellings", GeoPackageColumnType.Integer), Col("qpv_code"), Col("territory_id"), Col("type")]), false, w =>
        {
            foreach (var e in result.Input.Estates)
            {
                typeOfEstate.TryGetValue(e.Id, out var tt);
                w.Write(e.Geometry as Point ?? e.Geometry.InteriorPoint, e.Id, e.Name, e.Landlord, e.Dwellings, e.QpvCode, tt.Territory, tt.Territory is null ? null : tt.Type.Code());
            }
        }, ct);
        store.WriteLayer(new GeoPackageLayerDefinition("agences", "POINT", srid,
            [Col("agency_id"), Col("name"), Col("kind"), new("staff", GeoPackageColumnType.Integer), new("site_staff", GeoPackageColumnType.Integer)]), false, w =>
        {
            foreach (var a in result.Input.Agencies)
                w.Write(a.Location, a.Id, a.Name, a.Kind.ToString(), a.Staff, a.SiteStaff);
        }, ct);
        store.WriteLayer(new GeoPackageLayerDefinition("quartiers_qpv", "MULTIPOLYGON", srid, [Col("code"), Col("name")]), false, w =>
        {
            foreach (var d in result.Input.Districts)
                w.Write(AnalysisLayers.AsMultiPolygon(d.Geometry), d.Code, d.Name);
        }, ct);

        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        (string Table, string Qml, string Description)[] styles =
        [
            (AnalysisLayers.Territories, QgisStyles.TerritoriesByType("type"), "Territoires par type (seed 003)"),
            ("residences", QgisStyles.EstatesByType("type"), "Résidences par type de territoire"),
            ("agences", QgisStyles.SingleMarker("square", "17,17,17,255", "3"), "Agences et points de présence"),
            ("quartiers_qpv", QgisStyles.SingleFill("192,57,43,40", "192,57,43,255", "b_diagonal"), "Quartiers prioritaires"),
            (AnalysisLayers.Ensembles, QgisStyles.SingleFill("142,68,173,90", "142,68,173,255"), "Ensembles soumis au gardiennage"),
        ];
        store.WriteLayer(GeoPackageLayerDefinition.Attributes("layer_styles", StyleColumns), false, w =>
        {
            foreach (var (table, qml, description) in styles)
                w.Write(null, "", "", table, GeoPackageLayerDefinition.GeometryColumn, "Territory", qml, null, true, description, "Territory", null, now);
        }, ct);
    }

    private static GeoPackageColumn Col(string name) => new(name, GeoPackageColumnType.Text);
}
