using NetTopologySuite.Geometries;
using Territory.Core.Analysis;
using Territory.Core.Model;
using Territory.Core.Typology;
using Territory.IO.GeoPackage;
using Territory.IO.Layers;

namespace Territory.IO.Export;

/// <summary>A standalone GeoPackage of the analysis that QGIS opens styled: territories coloured by type.</summary>
/// <remarks>
/// Layers: <c>territories</c>, <c>recommendations</c>, <c>caretaking_ensembles</c>, <c>residences</c> (estate points with their
/// territory type), <c>agences</c>, <c>quartiers_qpv</c>; plus the <c>layer_styles</c> table QGIS reads default styles from.
/// </remarks>
public static class AnalysisGeoPackageExporter
{
    private static readonly LayerColumn[] StyleColumns =
    [
        new("f_table_catalog", ColumnType.Text), new("f_table_schema", ColumnType.Text),
        new("f_table_name", ColumnType.Text), new("f_geometry_column", ColumnType.Text),
        new("stylename", ColumnType.Text), new("styleqml", ColumnType.Text), new("stylesld", ColumnType.Text),
        new("useasdefault", ColumnType.Boolean), new("description", ColumnType.Text),
        new("owner", ColumnType.Text), new("ui", ColumnType.Text), new("update_time", ColumnType.Text),
    ];

    /// <summary>Writes the export to <paramref name="path"/>, replacing any earlier file; fields and layers named in French by default.</summary>
    public static void Write(AnalysisResult result, string path, CancellationToken ct = default, FieldNames names = FieldNames.Fr)
    {
        ArgumentNullException.ThrowIfNull(result);
        File.Delete(path);
        var srid = result.WorkingCrsEpsg;
        using var file = GeoPackageFile.Open(path);
        var store = ExportFieldNames.Renaming(file, names);
        string N(string name) => ExportFieldNames.Of(name, names);
        AnalysisLayers.Write(store, result, ct);

        var typeOfEstate = new Dictionary<string, (string Territory, TerritoryType Type)>(StringComparer.Ordinal);
        foreach (var t in result.Territories)
            foreach (var id in t.EstateIds)
                typeOfEstate[id] = (t.Id, t.Type);
        store.WriteLayer(new LayerDefinition("residences", "POINT", srid,
            [Col("estate_id"), Col("name"), Col("landlord"), new("dwellings", ColumnType.Integer), Col("qpv_code"), Col("territory_id"), Col("type")]), false, w =>
        {
            foreach (var e in result.Input.Estates)
            {
                typeOfEstate.TryGetValue(e.Id, out var tt);
                w.Write(e.Geometry as Point ?? e.Geometry.InteriorPoint, e.Id, e.Name, e.Landlord, e.Dwellings, e.QpvCode, tt.Territory, tt.Territory is null ? null : tt.Type.Code());
            }
        }, ct);
        store.WriteLayer(new LayerDefinition("agences", "POINT", srid,
            [Col("agency_id"), Col("name"), Col("kind"), new("staff", ColumnType.Integer), new("site_staff", ColumnType.Integer)]), false, w =>
        {
            foreach (var a in result.Input.Agencies)
                w.Write(a.Location, a.Id, a.Name, a.Kind.Code(), a.Staff, a.SiteStaff);
        }, ct);
        store.WriteLayer(new LayerDefinition("quartiers_qpv", "MULTIPOLYGON", srid, [Col("code"), Col("name")]), false, w =>
        {
            foreach (var d in result.Input.Districts)
                w.Write(AnalysisLayers.AsMultiPolygon(d.Geometry), d.Code, d.Name);
        }, ct);

        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        (string Table, string Qml, string Description)[] styles =
        [
            (N(AnalysisLayers.Territories), QgisStyles.TerritoriesByType(N("type")), "Territoires par type de territoire"),
            ("residences", QgisStyles.EstatesByType(N("type")), "Résidences par type de territoire"),
            ("agences", QgisStyles.SingleMarker("square", "17,17,17,255", "3"), "Agences et points de présence"),
            ("quartiers_qpv", QgisStyles.SingleFill("192,57,43,40", "192,57,43,255", "b_diagonal"), "Quartiers prioritaires"),
            (N(AnalysisLayers.Ensembles), QgisStyles.SingleFill("142,68,173,90", "142,68,173,255"), "Ensembles soumis au gardiennage"),
        ];
        // QGIS reads this table by its standard name and columns: written as they are, never renamed.
        file.WriteLayer(LayerDefinition.Attributes("layer_styles", StyleColumns), false, w =>
        {
            foreach (var (table, qml, description) in styles)
                w.Write(null, "", "", table, LayerDefinition.GeometryColumn, "Territory", qml, null, true, description, "Territory", null, now);
        }, ct);
    }

    private static LayerColumn Col(string name) => new(name, ColumnType.Text);
}
