using NetTopologySuite.Geometries;
using Territory.Core.Analysis;
using Territory.Core.Caretaking;
using Territory.Core.Messages;
using Territory.Core.Presence;
using Territory.Core.Territories;
using Territory.Core.Typology;
using Territory.IO.Layers;
using static Territory.IO.Export.AnalysisRows;

namespace Territory.IO.Export;

/// <summary>
/// Writes an analysis as GeoPackage layers: <c>territories</c>, <c>recommendations</c> (the presence plan), <c>caretaking_ensembles</c>,
/// <c>staff_balance</c>.
/// </summary>
/// <remarks>Used both for the result layers of the project and for the standalone export. Texts, layer descriptions included, are the catalogue's French: the layers are read by French GIS users.</remarks>
public static class AnalysisLayers
{
    /// <summary>Territory polygons with type, indicators, reasons, plan summary, staff and caretaking.</summary>
    public const string Territories = "territories";
    /// <summary>One row per line of a territory's presence plan.</summary>
    public const string Plan = "recommendations";
    /// <summary>Ensembles checked against the caretaking obligation.</summary>
    public const string Ensembles = "caretaking_ensembles";
    /// <summary>Means against needs per territory, agency and type.</summary>
    public const string Staff = "staff_balance";

    private static readonly LayerColumn[] TerritoryColumns =
    [
        Text("territory_id"), Text("name"), Text("kind"), Text("commune_code"), Text("qpv_code"), Text("type"), Text("type_label"),
        Real("score"), Text("runner_up"), Real("margin"), Int("dwellings"), Int("own_dwellings"), Int("estates"), Real("collective_share"),
        Int("qpv_dwellings"), Real("qpv_share"), Int("district_dwellings"), Int("density_level"), Bool("density_estimated"), Int("population"),
        Real("mean_travel_min"), Real("max_travel_min"), Bool("travel_estimated"), Int("landlords"), Real("site_agents"),
        Real("dwellings_per_site_agent"), Text("rule"), Text("reasons"), Int("plan_actions"), Text("plan"), Text("stakes"), Text("context"),
        Text("accueil"), Real("needed_site_fte"), Real("declared_site_fte"), Real("needed_proximity_fte"), Real("declared_proximity_fte"),
        Real("drive_hours_per_week"), Real("gap_fte"), Text("caretaking_status"), Real("caretaking_required_fte"), Real("caretaking_declared_fte"),
        Real("caretaking_deficit_fte"), Int("caretaking_to_check_dwellings"), Int("caretaking_not_assessable_dwellings"),
    ];

    private static readonly LayerColumn[] PlanColumns =
    [
        Text("territory_id"), Text("territory_name"), Text("type"), Int("rank"), Text("form"), Text("form_label"), Text("status"), Text("status_label"),
        Text("reason"), Text("trigger"), Text("trigger_label"), Real("trigger_value"), Real("trigger_threshold"), Real("quantity"), Text("unit"),
        Text("quantity_label"), Text("sites"), Int("dwellings_concerned"), Text("point_id"), Bool("travel_estimated"), Bool("legal"),
    ];

    private static readonly LayerColumn[] EnsembleColumns =
    [
        Text("ensemble_id"), Text("landlord"), Bool("own"), Text("estates"), Int("dwellings"), Bool("housing_known"), Text("qpv_codes"),
        Int("commune_population"), Text("status"), Text("status_label"), Text("legal_case"), Text("ground"), Real("required_fte"), Real("declared_fte"),
        Real("agency_cover_fte"), Real("deficit_fte"), Text("agency_id"),
    ];

    private static readonly LayerColumn[] StaffColumns =
    [
        Text("level"), Text("id"), Text("name"), Text("type"), Real("needed_site_fte"), Real("declared_site_fte"), Real("needed_proximity_fte"),
        Real("declared_proximity_fte"), Real("drive_hours_per_week"), Real("drive_fte"), Bool("drive_estimated"), Real("needed_fte"), Real("declared_fte"),
        Real("gap_fte"), Real("unlocated_site_fte"), Text("flags"),
    ];

    /// <summary>Layers <see cref="Write(ILayerSink, AnalysisResult, CancellationToken)"/> writes.</summary>
    public const int LayerCount = 4;

    /// <summary>Replaces the layers in <paramref name="store"/> (one transaction each).</summary>
    public static void Write(ILayerSink store, AnalysisResult result, CancellationToken ct = default) => Write(store, result, null, ct);

    /// <summary>Replaces the layers in <paramref name="store"/> (one transaction each), reporting each layer written (<see cref="StageProgress.Layers"/>).</summary>
    public static void Write(ILayerSink store, AnalysisResult result, IProgress<StageProgress>? progress, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(result);
        const Lang fr = Lang.Fr;
        var srid = result.WorkingCrsEpsg;
        progress?.Report(new StageProgress(StageProgress.Layers, 0, LayerCount));
        store.WriteLayer(new LayerDefinition(Territories, "MULTIPOLYGON", srid, TerritoryColumns) { Description = Catalogue.Text(fr, "layer_description_territories") }, false, w =>
        {
            foreach (var t in result.Territories)
            {
                var i = t.Indicators;
                var d = t.Decision;
                var s = t.Staff;
                var c = t.Caretaking.Own;
                w.Write(AsMultiPolygon(t.Geometry), t.Id, t.Name, t.Kind.Code(), t.CommuneCode, t.QpvCode, d.Type.Code(), Catalogue.Text(fr, "territory_type_" + d.Type.Code()),
                    Math.Round(d.Score, 3), d.RunnerUp.Code(), Math.Round(d.Margin, 3), i.Dwellings, t.OwnDwellings, i.Estates, R(i.CollectiveShare, 3),
                    i.QpvDwellings, Math.Round(i.QpvShare, 3), i.DistrictDwellings, i.DensityLevel, i.DensityEstimated, i.Population,
                    R(i.MeanTravelMinutes, 1), R(i.MaxTravelMinutes, 1), i.TravelEstimated, i.Landlords.Count, Math.Round(i.SiteAgents, 2),
                    R(i.DwellingsPerSiteAgent, 0), d.RuleIn(fr), string.Join("\n", DecisionReasons.Of(d, fr)), t.Plan.Count(p => p.Status.IsAction()),
                    string.Join("\n", Actions(t, fr)), string.Join("\n", t.Stakes.Select(m => m.Render(fr))),
                    string.Join("\n", t.Context.Select(m => m.Render(fr))), string.Join(", ", t.Accueil.RecommendedLabels.Select(m => m.Render(fr))),
                    R(s.NeededSiteFte, 2), R(s.DeclaredSiteFte, 2), R(s.NeededProximityFte, 2), R(s.DeclaredProximityFte, 2), R(s.DriveHoursPerWeek, 1),
                    R(s.GapFte, 2), c.Status.Code(), R(c.RequiredFte, 2), R(c.DeclaredFte, 2), R(c.DeficitFte, 2), c.ToCheckDwellings, c.NotAssessableDwellings);
            }
        }, ct);
        progress?.Report(new StageProgress(StageProgress.Layers, 1, LayerCount));
        store.WriteLayer(LayerDefinition.Attributes(Plan, PlanColumns) with { Description = Catalogue.Text(fr, "layer_description_recommendations") }, false, w =>
        {
            foreach (var t in result.Territories)
                foreach (var p in t.Plan)
                    w.Write(null, t.Id, t.Name, t.Type.Code(), p.Rank, p.Form.Code(), Catalogue.Text(fr, p.Form.LabelCode()), p.Status.Code(),
                        Catalogue.Text(fr, p.Status.LabelCode()), p.Reason.Render(fr), p.Trigger.Name, Catalogue.Text(fr, "trigger_" + p.Trigger.Name),
                        p.Trigger.Value, p.Trigger.Threshold, p.Quantity, p.Unit, Quantity(p, fr), Sites(p, fr), p.DwellingsConcerned, p.PointId,
                        p.TravelEstimated, p.Legal);
        }, ct);
        progress?.Report(new StageProgress(StageProgress.Layers, 2, LayerCount));
        store.WriteLayer(new LayerDefinition(Ensembles, "MULTIPOLYGON", srid, EnsembleColumns) { Description = Catalogue.Text(fr, "layer_description_caretaking_ensembles") }, false, w =>
        {
            foreach (var e in result.Ensembles)
                w.Write(AsMultiPolygon(e.Geometry), e.Id, e.Landlord, e.Landlord == result.OwnLandlord, string.Join(", ", e.EstateIds), e.Dwellings,
                    e.HousingKnown, string.Join(", ", e.QpvCodes), e.CommunePopulation, e.Status.Code(), Status(e.Status, fr), e.Case.Code(),
                    e.Ground.Render(fr), Math.Round(e.RequiredFte, 2), Math.Round(e.DeclaredFte, 2), Math.Round(e.AgencyCoverFte, 2),
                    Math.Round(e.DeficitFte, 2), e.AgencyId);
        }, ct);
        progress?.Report(new StageProgress(StageProgress.Layers, 3, LayerCount));
        store.WriteLayer(LayerDefinition.Attributes(Staff, StaffColumns) with { Description = Catalogue.Text(fr, "layer_description_staff_balance") }, false, w =>
        {
            foreach (var r in AnalysisRows.Staff(result))
            {
                var s = r.Staff;
                w.Write(null, r.Level, r.Id, r.Name, r.Type, R(s.NeededSiteFte, 2), R(s.DeclaredSiteFte, 2), R(s.NeededProximityFte, 2),
                    R(s.DeclaredProximityFte, 2), R(s.DriveHoursPerWeek, 1), R(s.DriveFte, 2), s.DriveEstimated, R(s.NeededFte, 2), R(s.DeclaredFte, 2),
                    R(s.GapFte, 2), R(s.UnlocatedSiteFte, 2), string.Join("\n", r.Flags.Select(f => f.Render(fr))));
            }
        }, ct);
        progress?.Report(new StageProgress(StageProgress.Layers, 4, LayerCount));
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

    private static LayerColumn Text(string n) => new(n, ColumnType.Text);
    private static LayerColumn Int(string n) => new(n, ColumnType.Integer);
    private static LayerColumn Real(string n) => new(n, ColumnType.Real);
    private static LayerColumn Bool(string n) => new(n, ColumnType.Boolean);
}
