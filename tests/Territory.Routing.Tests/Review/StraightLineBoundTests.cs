using System.Text.Json;
using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.Core.Typology;
using Territory.Routing.Review;

namespace Territory.Routing.Tests.Review;

/// <summary>The bounded straight-line review (no road graph) against the dense one it replaces: same answers.</summary>
public sealed class StraightLineBoundTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 2154);
    private static readonly Reprojector ToLambert93 = new(4326, 2154);
    private static readonly string?[] Landlords = ["OPH-A", "SA-B", "COOP-C", null];

    [Theory]
    [InlineData(1, 60.0)]
    [InlineData(2, 20.0)]
    [InlineData(3, 5.0)]
    [InlineData(4, 60.0)]
    [InlineData(5, 1.0)]
    public void Compute_RandomPortfolio_SameAnswersAsDense(int seed, double limitMinutes)
    {
        var (estates, agencies) = Portfolio(seed);
        var options = new ReviewOptions { EstimateLimitMinutes = limitMinutes, ThresholdsMinutes = [] };
        var bounded = AgencyTravelReview.Compute(estates, agencies, 2154, null, options);
        var dense = AgencyTravelReview.Compute(estates, agencies, 2154, null, options with { DenseEstimates = true });

        Assert.True(bounded.Estimated);
        Assert.Equal(dense.Access, bounded.Access);
        Assert.Equal(dense.Estates, bounded.Estates);
        Assert.Equal(Json(dense.Agencies), Json(bounded.Agencies));
        Assert.Equal(NearestPresenceByKind.Compute(dense, estates, agencies), NearestPresenceByKind.Compute(bounded, estates, agencies));
        var b = bounded.Matrix!;
        var d = dense.Matrix!;
        var kept = 0;
        for (var a = 0; a < agencies.Length; a++)
            for (var e = 0; e < estates.Length; e++)
            {
                var cell = b[a, e];
                var full = d[a, e];
                if (cell.DurationSeconds is not null)
                {
                    Assert.Equal(full, cell);
                    kept++;
                    continue;
                }
                // Never a cell under the limit left out; beyond it the reason says so.
                Assert.True(full.DurationSeconds > limitMinutes * 60, $"agency {a} estate {e}: {full.DurationSeconds} s left out");
                Assert.Equal("beyond " + limitMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " min in straight line", cell.UnreachableReason);
            }
        Assert.True(kept < agencies.Length * estates.Length, "the bounded review kept every cell");
    }

    [Fact]
    public void Compute_DefaultLimit_CoversEveryThresholdTheRulesRead()
    {
        var options = new ReviewOptions();
        var presence = new TypologyConfig().Presence;
        double[] read = [.. options.ThresholdsMinutes.Select(t => (double)t), presence.FarFromAgencyMinutes, presence.RelayReachMinutes,
            presence.MobileStopReachMinutes, presence.OfficeReachMinutes];
        Assert.All(read, minutes => Assert.True(minutes <= options.EffectiveEstimateLimitMinutes, $"{minutes} min read beyond the limit"));
        Assert.Equal(60, options.EffectiveEstimateLimitMinutes);
        Assert.Equal(90, (options with { ThresholdsMinutes = [20, 90] }).EffectiveEstimateLimitMinutes);
    }

    [Fact]
    public void Compute_NoPointOfTheEstatesLandlordNearby_NearestOfEachKindStillKnown()
    {
        // The only points of the estate's landlord are 300 km away; a public relay place and another landlord's agency are near.
        Estate[] estates = [new() { Id = "e", Geometry = L93(2.35, 48.85), Dwellings = 40, Landlord = "OPH-A" }];
        Agency[] agencies =
        [
            new() { Id = "far", Location = L93(4.85, 45.75), Landlord = "OPH-A", Kind = AgencyKind.Agence },
            new() { Id = "other", Location = L93(2.36, 48.86), Landlord = "SA-B", Kind = AgencyKind.Agence },
            new() { Id = "relay", Location = L93(2.30, 48.80), Kind = AgencyKind.LieuRelais },
        ];
        var review = AgencyTravelReview.Compute(estates, agencies, 2154, null);
        var nearest = NearestPresenceByKind.Compute(review, estates, agencies);
        Assert.Equal("other", review.Estates[0].NearestAgencyId);
        Assert.Contains(nearest, p => p is { Kind: AgencyKind.Agence, AgencyId: "far" } && p.DurationSeconds > 3 * 3600);
        Assert.Contains(nearest, p => p is { Kind: AgencyKind.LieuRelais, AgencyId: "relay" });
        Assert.All(nearest, p => Assert.True(p.Estimated));
    }

    [Fact]
    public void CapEnvelope_PointsOnTheCircle_Inside()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            (double Lon, double Lat) center = (random.NextDouble() * 360 - 180, random.NextDouble() * 170 - 85);
            var radius = Math.Pow(10, random.NextDouble() * 6.5);
            var box = StraightLineRows.CapEnvelope(center, radius);
            for (var j = 0; j < 16; j++)
            {
                var p = Destination(center, radius * 0.999999, random.NextDouble() * 360);
                Assert.True(box.Contains(p.Lon, p.Lat) || box.Contains(p.Lon + 360, p.Lat) || box.Contains(p.Lon - 360, p.Lat),
                    $"({p.Lon}, {p.Lat}) at {radius} m of ({center.Lon}, {center.Lat}) outside {box}");
            }
        }
    }

    // A point at a great-circle distance and bearing (the direct problem on the sphere of the haversine).
    private static (double Lon, double Lat) Destination((double Lon, double Lat) from, double meters, double bearingDegrees)
    {
        double d = meters / Territory.Routing.Graph.GeoMath.EarthRadiusMeters, b = bearingDegrees * Math.PI / 180;
        double lat1 = from.Lat * Math.PI / 180, lon1 = from.Lon * Math.PI / 180;
        var lat2 = Math.Asin(Math.Sin(lat1) * Math.Cos(d) + Math.Cos(lat1) * Math.Sin(d) * Math.Cos(b));
        var lon2 = lon1 + Math.Atan2(Math.Sin(b) * Math.Sin(d) * Math.Cos(lat1), Math.Cos(d) - Math.Sin(lat1) * Math.Sin(lat2));
        var lon = lon2 * 180 / Math.PI;
        lon = ((lon + 540) % 360) - 180;
        return (lon, lat2 * 180 / Math.PI);
    }

    /// <summary>
    /// Estates in clusters over metropolitan France, points of four landlords (one « none ») and every kind, some on
    /// the very same spot (ties), managing agencies near and far, some naming a point that does not exist.
    /// </summary>
    private static (Estate[] Estates, Agency[] Agencies) Portfolio(int seed)
    {
        var random = new Random(seed);
        var kinds = AgencyKinds.All;
        var agencies = new List<Agency>();
        for (var i = 0; i < 80; i++)
        {
            var at = i % 10 == 9 && agencies.Count > 0 ? agencies[random.Next(agencies.Count)].Location : L93(-1 + random.NextDouble() * 7, 43.5 + random.NextDouble() * 5);
            agencies.Add(new Agency
            {
                Id = "P" + i, Location = (Point)at.Copy(), Kind = kinds[random.Next(kinds.Count)], Landlord = Landlords[random.Next(Landlords.Length)],
            });
        }
        var estates = new List<Estate>();
        for (var c = 0; c < 12; c++)
        {
            double lon = -1 + random.NextDouble() * 7, lat = 43.5 + random.NextDouble() * 5;
            for (var i = 0; i < 60; i++)
            {
                var managing = random.Next(5) switch { 0 => null, 1 => "missing", _ => "P" + random.Next(agencies.Count) };
                estates.Add(new Estate
                {
                    Id = $"E{c}-{i}", Geometry = L93(lon + random.NextDouble() * 0.6 - 0.3, lat + random.NextDouble() * 0.4 - 0.2),
                    Dwellings = 1 + random.Next(300), Landlord = Landlords[random.Next(Landlords.Length)], AgencyId = managing,
                });
            }
        }
        return ([.. estates], [.. agencies]);
    }

    private static Point L93(double lon, double lat)
    {
        var (x, y) = ToLambert93.Transform(lon, lat);
        return Factory.CreatePoint(new Coordinate(x, y));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
