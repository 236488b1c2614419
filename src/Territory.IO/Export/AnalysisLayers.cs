using NetTopologySuite.Geometries;
using Territory.Core.Analysis;
using Territory.Core.Territories;
using Territory.Core.Typology;
using Territory.IO.GeoPackage;
using Territory.IO.Layers;

namespace Territory.IO.Export;

/// <summary>Writes an analysis as GeoPackage layers: <c>territories</c>, <c>recommendations</c>, <c>caretaking_ensembles</c>.</summary>
/// <remarks>Used both for the result layers of the project and for the standalone export.</remarks>
public static class AnalysisLayers
{
    /// <summary>Territory polygons with type, indicators and reasons.</summary>
    public const string Territories = "territories";
    /// <summary>One row per recommended presence form.</summary>
    public const string Recommendations = "recommendations";
    /// <summary>Ensembles checked against the caretaking obligation.</summary>
    public const string Ensembles = "caretaking_ensembles";

    private static readonly LayerColumn[] TerritoryColumns =
    [
        Text("territory_id"), Text("name"), Text("kind"), Text("commune_code"), Text("qpv_code"), Text("type"), Text("type_label"),
        Real("score"), Text("runner_up"), Real("margin"), Int("dwellings"), Int("estates"), Real("collective_share"),
        Int("qpv_dwellings"), Real("qpv_share"), Int("density_level"), Bool("density_estimated"), Int("population"),
        Real("mean_travel_min"), Real("max_travel_min"), Bool("travel_estimated"), Int("landlords"), Real("site_agents"),
        Real("dwellings_per_site_agent"), Real("caretaker_required_fte"), Text("rule"), Text("reasons"), Text("recommendations"), Text("accueil"),
    ];

    private static readonly LayerColumn[] RecommendationColumns =
        [Text("territory_id"), Text("type"), Int("rank"), Text("form"), Text("reason"), Bool("from_context")];

    private static readonly LayerColumn[] EnsembleColumns =
    [
        Text("ensemble_id"), Text("landlord"), Text("estates"), Int("collective_dwellings"), Text("qpv_codes"), Int("commune_population"),
        Bool("applies"), Text("ground"), Real("required_fte"), Real("declared_fte"), Bool("deficit"),
    ];

    /// <summary>Replaces the three layers in <paramref name="store"/> (one transaction each).</summary>
    public static void Write(ILayerSink store, AnalysisResult result, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(result);
        var srid = result.WorkingCrsEpsg;
        store.WriteLayer(new LayerDefinition(Territories, "MULTIPOLYGON", srid, TerritoryColumns) { Description = "Territoires typés (typologie du Questionnaire 2022 auprès de 31 organismes)" }, false, w =>
        {
            foreach (var t in result.Territories)
            {
                var i = t.Indicators;
                var d = t.Decision;
                w.Write(AsMultiPolygon(t.Geometry), t.Id, t.Name, t.Kind.Code(), t.CommuneCode, t.QpvCode, d.Type.Code(), d.Type.Label(),
                    Math.Round(d.Score, 3), d.RunnerUp.Code(), Math.Round(d.Margin, 3), i.Dwellings, i.Estates, R(i.CollectiveShare, 3),
                    i.QpvDwellings, Math.Round(i.QpvShare, 3), i.DensityLevel, i.DensityEstimated, i.Population,
                    R(i.MeanTravelMinutes, 1), R(i.MaxTravelMinutes, 1), i.TravelEstimated, i.Landlords.Count, Math.Round(i.SiteAgents, 2),
                    R(i.DwellingsPerSiteAgent, 0), Math.Round(t.CaretakerRequiredFte, 2), d.Rule, string.Join("\n", DecisionReasons.Of(d)),
                    string.Join("\n", t.Presence.Select(p => $"{p.Form} : {p.Reason}")), string.Join(", ", t.Accueil.RecommendedLabels));
            }
        }, ct);
        store.WriteLayer(LayerDefinition.Attributes(Recommendations, RecommendationColumns) with { Description = "Formes de présence recommandées" }, false, w =>
        {
            foreach (var t in result.Territories)
                for (var k = 0; k < t.Presence.Count; k++)
                    w.Write(null, t.Id, t.Type.Code(), k + 1, t.Presence[k].Form, t.Presence[k].Reason, t.Presence[k].FromContext);
        }, ct);
        store.WriteLayer(new LayerDefinition(Ensembles, "MULTIPOLYGON", srid, EnsembleColumns) { Description = "Obligation de gardiennage : ensembles contrôlés" }, false, w =>
        {
            foreach (var e in result.Ensembles)
                w.Write(AsMultiPolygon(e.Geometry), e.Id, e.Landlord, string.Join(", ", e.EstateIds), e.CollectiveDwellings, string.Join(", ", e.QpvCodes),
                    e.CommunePopulation, e.Applies, e.Ground, Math.Round(e.RequiredFte, 2), Math.Round(e.DeclaredFte, 2), e.Deficit);
        }, ct);
    }

    /// <summary>Polygonal geometries as MultiPolygon; points and lines (a one-estate ensemble) as a 10 m disc.</summary>
    internal static MultiPolygon AsMultiPolygon(Geometry g) => g switch
    {
        MultiPolygon mp => mp,
        Polygon p => g.Factory.CreateMultiPolygon([p]),
        GeometryCollection gc when gc.Geometries.All(x => x is Polygon or MultiPolygon) =>
            AsMultiPolygon(NetTopologySuite.Operation.Union.UnaryUnionOp.Union((Geometry)gc)),
        _ => AsMultiPolygon(g.Buffer(10)),
    };

    private static double? R(double? v, int decimals) => v is double x ? Math.Round(x, decimals) : null;

    private static LayerColumn Text(string n) => new(n, ColumnType.Text);
    private static LayerColumn Int(string n) => new(n, ColumnType.Integer);
    private static LayerColumn Real(string n) => new(n, ColumnType.Real);
    private static LayerColumn Bool(string n) => new(n, ColumnType.Boolean);
}
