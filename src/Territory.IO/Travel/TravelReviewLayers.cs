using NetTopologySuite.Geometries;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.IO.Layers;
using Territory.Routing.Review;

namespace Territory.IO.Travel;

/// <summary>Stores a travel review in the project: <c>travel_estates</c> and <c>travel_agencies</c> layers.</summary>
public static class TravelReviewLayers
{
    /// <summary>Estate layer name.</summary>
    public const string EstatesTable = "travel_estates";
    /// <summary>Agency layer name.</summary>
    public const string AgenciesTable = "travel_agencies";

    private static readonly LayerColumn[] EstateColumns =
    [
        new("estate_id", ColumnType.Text, true), new("name", ColumnType.Text),
        new("dwellings", ColumnType.Integer), new("managing_agency", ColumnType.Text),
        new("managing_min", ColumnType.Real), new("managing_km", ColumnType.Real),
        new("nearest_agency", ColumnType.Text), new("nearest_min", ColumnType.Real),
        new("nearest_km", ColumnType.Real), new("snap_m", ColumnType.Real),
        new("estimated", ColumnType.Boolean), new("unreachable_reason", ColumnType.Text),
    ];

    private static readonly LayerColumn[] AgencyColumns =
    [
        new("agency_id", ColumnType.Text, true), new("name", ColumnType.Text),
        new("estates", ColumnType.Integer), new("dwellings", ColumnType.Integer),
        new("mean_min", ColumnType.Real), new("median_min", ColumnType.Real),
        new("p90_min", ColumnType.Real), new("max_min", ColumnType.Real),
        new("dwellings_over_20min", ColumnType.Integer), new("dwellings_over_30min", ColumnType.Integer),
        new("dwellings_over_45min", ColumnType.Integer), new("estates_nearer_other", ColumnType.Integer),
        new("unreachable", ColumnType.Integer), new("estimated", ColumnType.Boolean),
        new("unsnapped_reason", ColumnType.Text),
    ];

    /// <summary>Replaces both layers with the review (one transaction each).</summary>
    public static void Write(ILayerSink store, int srid, IReadOnlyList<Estate> estates, IReadOnlyList<Agency> agencies,
        AgencyTravelReviewResult review, CancellationToken ct = default)
    {
        var byId = estates.ToDictionary(e => e.Id, StringComparer.Ordinal);
        store.WriteLayer(new LayerDefinition(EstatesTable, "POINT", srid, EstateColumns) { Description = Catalogue.Text(Lang.Fr, "layer_description_travel_estates") }, false, w =>
        {
            foreach (var t in review.Estates)
            {
                var e = byId[t.EstateId];
                var point = e.Geometry as Point ?? e.Geometry.InteriorPoint;
                w.Write(point, t.EstateId, e.Name, e.Dwellings, t.ManagingAgencyId, Minutes(t.ManagingDurationSeconds), Km(t.ManagingDistanceMeters),
                    t.NearestAgencyId, Minutes(t.NearestDurationSeconds), Km(t.NearestDistanceMeters), Round(t.SnapDistanceMeters), t.Estimated, t.UnreachableReason);
            }
        }, ct);
        var agencyById = agencies.ToDictionary(a => a.Id, StringComparer.Ordinal);
        store.WriteLayer(new LayerDefinition(AgenciesTable, "POINT", srid, AgencyColumns) { Description = Catalogue.Text(Lang.Fr, "layer_description_travel_agencies") }, false, w =>
        {
            foreach (var s in review.Agencies)
            {
                var a = agencyById[s.AgencyId];
                review.UnsnappedAgencies.TryGetValue(s.AgencyId, out var unsnapped);
                w.Write(a.Location, s.AgencyId, a.Name, s.EstateCount, s.Dwellings, Round(s.MeanMinutes), Round(s.MedianMinutes),
                    Round(s.P90Minutes), Round(s.MaxMinutes), Beyond(s, 20), Beyond(s, 30), Beyond(s, 45),
                    s.EstatesNearerToAnotherAgency, s.UnreachableEstates, s.Estimated, unsnapped);
            }
        }, ct);
    }

    /// <summary>Dwellings farther than <paramref name="minutes"/> from the agency (0 when that threshold was not computed).</summary>
    public static int Beyond(AgencyTravelSummary s, int minutes) => s.DwellingsBeyondMinutes.TryGetValue(minutes, out var d) ? d : 0;

    private static double? Minutes(double? seconds) => seconds is double s ? Math.Round(s / 60.0, 2) : null;

    private static double? Km(double? meters) => meters is double m ? Math.Round(m / 1000.0, 3) : null;

    private static double? Round(double? v) => v is double x ? Math.Round(x, 2) : null;
}
