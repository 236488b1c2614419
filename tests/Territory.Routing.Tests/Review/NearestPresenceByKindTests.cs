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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Compute_RandomSparseMatrix_EqualsTheCellByCellScan(int seed)
    {
        // Rows reaching some estates, others with reasons only, cells kept whole with and without seconds, ties,
        // landlords that do not serve, estates missing from the layer: the row-by-row search keeps what a scan of every cell keeps.
        var random = new Random(seed);
        var kinds = AgencyKinds.All;
        var estates = Enumerable.Range(0, 300).Select(i => new Estate
        {
            Id = $"e{i}", Geometry = L93(1.5, 42.5), Dwellings = 1, Landlord = random.Next(4) switch { 0 => null, 1 => "B", _ => "A" },
        }).ToList();
        var agencies = Enumerable.Range(0, 40).Select(i => new Agency
        {
            Id = $"a{i}", Kind = kinds[random.Next(kinds.Count)], Location = L93(1.5, 42.5), Landlord = random.Next(3) switch { 0 => null, 1 => "B", _ => "A" },
        }).ToList();
        var estateIds = estates.Select(e => e.Id).Append("absent").ToList();
        var rows = agencies.Select(_ => random.Next(5) == 0 ? null : estateIds.Select(_ => random.Next(6) switch
        {
            0 or 1 => ((double?)(random.Next(20) * 60.0), (double?)1000.0, (string?)null),
            2 => ((double?)(random.Next(20) * 60.0), (double?)null, "estimée"),
            3 => (null, null, "autre"),
            _ => (null, null, "pas de chemin"),
        }).ToArray()).ToArray();
        var matrix = AgencyEstateMatrix.FromRows(agencies.Select(a => a.Id).ToList(), estateIds, rows, agencies.Select(_ => (string?)"pas de chemin").ToArray());
        var review = new AgencyTravelReviewResult([], [], [], false, new Dictionary<string, string>()) { Matrix = matrix };

        var expected = new List<PresenceAccess>();
        for (var e = 0; e < estates.Count; e++)
        {
            var estate = estates[e];
            foreach (var kind in kinds)
            {
                (int Row, double Seconds) best = (-1, double.PositiveInfinity);
                for (var a = 0; a < agencies.Count; a++)
                {
                    var agency = agencies[a];
                    var serves = agency.Landlord is null || estate.Landlord is null || agency.Landlord == estate.Landlord;
                    if (agency.Kind == kind && serves && matrix[a, e].DurationSeconds is { } s && s < best.Seconds)
                        best = (a, s);
                }
                if (best.Row >= 0)
                    expected.Add(new PresenceAccess(estate.Id, kind, agencies[best.Row].Id, best.Seconds, false));
            }
        }

        Assert.Equal(expected, NearestPresenceByKind.Compute(review, estates, agencies));
    }
}
