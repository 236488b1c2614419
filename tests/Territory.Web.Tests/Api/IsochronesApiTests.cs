using System.Net;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

public sealed class IsochronesApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task AgencyIsochrones_ThreeNestedPolygonsLargestFirst()
    {
        using var client = factory.App();
        var agency = (await Json.Features(client, "/api/layers/agencies")).First(f => Json.Str(f, "unsnappedReason") == "");

        var features = await Json.Features(client, $"/api/agencies/{Uri.EscapeDataString(Json.Str(agency, "id"))}/isochrones?minutes=10,20,30");

        AssertNested(features, [30, 20, 10]);
        Assert.True(features[^1].Geometry.Distance(agency.Geometry) < 0.01, "the 10-minute area is around the agency");
    }

    [Fact]
    public async Task PointIsochrones_AtAnEstate_ThreeNestedPolygons()
    {
        using var client = factory.App();
        var estate = (await Json.Features(client, "/api/layers/estates")).First(f => Json.Num(f, "travelMinutes") is not null);
        var p = (Point)estate.Geometry;

        var features = await Json.Features(client, FormattableString.Invariant($"/api/isochrones?lon={p.X}&lat={p.Y}&minutes=5,15,25"));

        AssertNested(features, [25, 15, 5]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("121")]
    [InlineData("10,abc")]
    [InlineData("1,2,3,4,5,6,7")]
    public async Task AgencyIsochrones_InvalidMinutes_Is400Problem(string minutes)
    {
        using var client = factory.App();
        var agency = (await Json.Features(client, "/api/layers/agencies")).First();
        var response = await client.GetAsync($"/api/agencies/{Uri.EscapeDataString(Json.Str(agency, "id"))}/isochrones?minutes={minutes}");
        await Json.Problem(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("lon=181&lat=45")]
    [InlineData("lon=-200&lat=45")]
    [InlineData("lon=4.8&lat=91")]
    [InlineData("lat=45")]
    public async Task PointIsochrones_OutOfRange_Is400Problem(string query)
    {
        using var client = factory.App();
        await Json.Problem(await client.GetAsync("/api/isochrones?" + query), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AgencyIsochrones_UnknownAgency_Is404Problem()
    {
        using var client = factory.App();
        await Json.Problem(await client.GetAsync("/api/agencies/NO-SUCH/isochrones"), HttpStatusCode.NotFound);
    }

    private static void AssertNested(FeatureCollection features, double[] minutes)
    {
        Assert.Equal(minutes, features.Select(f => Json.Num(f, "minutes")!.Value));
        Assert.All(features, f => Assert.IsAssignableFrom<IPolygonal>(f.Geometry));
        Assert.All(features, f => Assert.False(f.Geometry.IsEmpty, $"{Json.Num(f, "minutes")} min is empty"));
        for (int i = 1; i < features.Count; i++)
        {
            var larger = features[i - 1].Geometry;
            var smaller = features[i].Geometry;
            Assert.True(larger.Area > smaller.Area, $"{minutes[i - 1]} min area {larger.Area} ≤ {minutes[i]} min area {smaller.Area}");
            // Nested up to the simplification of the outlines: what sticks out is a sliver.
            var outside = smaller.Buffer(0).Difference(larger.Buffer(0)).Area;
            Assert.True(outside <= 0.02 * smaller.Area, $"{minutes[i]} min sticks out of {minutes[i - 1]} min by {outside / smaller.Area:P1}");
        }
    }
}
