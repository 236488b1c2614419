using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.Routing.Review;

namespace Territory.Routing.Tests.Review;

public sealed class NearestPresenceByKindTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 2154);
    private static readonly Reprojector ToLambert93 = new(4326, 2154);

    private static Point L93(double lon, double lat)
    {
        var (x, y) = ToLambert93.Transform(lon, lat);
        return Factory.CreatePoint(new Coordinate(x, y));
    }

    private static Agency Point(string id, AgencyKind kind, double lon, double lat, string? landlord = "A") =>
        new() { Id = id, Kind = kind, Location = L93(lon, lat), Landlord = landlord };

    [Fact]
    public void Compute_PerKind_NearestPointOfTheEstatesLandlordOrOfNone()
    {
        Estate[] estates = [new() { Id = "e", Geometry = L93(1.53, 42.51), Dwellings = 10, Landlord = "A" }];
        Agency[] agencies =
        [
            Point("far-agency", AgencyKind.Agence, 1.70, 42.54),
            Point("near-agency", AgencyKind.Agence, 1.54, 42.51),
            Point("relay-public", AgencyKind.LieuRelais, 1.60, 42.52, landlord: null),
            Point("relay-other", AgencyKind.LieuRelais, 1.531, 42.51, landlord: "B"),
        ];
        var review = AgencyTravelReview.Compute(estates, agencies, 2154, graph: null);
        var nearest = NearestPresenceByKind.Compute(review, estates, agencies);
        Assert.Equal(2, nearest.Count);
        var agency = nearest.Single(n => n.Kind == AgencyKind.Agence);
        Assert.Equal("near-agency", agency.AgencyId);
        Assert.True(agency.Estimated);
        var column = Enumerable.Range(0, review.Matrix!.AgencyIds.Count).Single(a => review.Matrix.AgencyIds[a] == "near-agency");
        Assert.Equal(review.Matrix[column, 0].DurationSeconds!.Value, agency.DurationSeconds, 9);
        // Another landlord's relay place never serves the estate, a public one (no landlord) does.
        Assert.Equal("relay-public", nearest.Single(n => n.Kind == AgencyKind.LieuRelais).AgencyId);
    }
}
