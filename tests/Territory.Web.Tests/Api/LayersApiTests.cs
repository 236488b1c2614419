using System.Net;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

public sealed class LayersApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private static readonly string[] TypeCodes = ["rural_diffuse", "isolated", "urban_collective", "priority_district"];

    public static TheoryData<string, string[]> Layers => new()
    {
        { "estates", ["id", "name", "landlord", "dwellings", "housing", "communeCode", "communeName", "qpvCode", "agencyId", "territoryId", "type", "travelMinutes", "travelAgencyId", "travelEstimated", "unreachableReason"] },
        { "agencies", ["id", "name", "kind", "kindLabel", "landlord", "staff", "siteStaff", "status", "unsnappedReason"] },
        { "territories", ["id", "name", "kind", "type", "typeLabel", "colour", "dwellings", "estates", "caretakingApplies", "caretakingDeficit", "forms"] },
        { "communes", ["code", "name", "population", "densityLevel"] },
        { "districts", ["code", "name", "communeCode"] },
        { "recommendations", ["territoryId", "name", "type", "colour", "forms", "count"] },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task Layer_IsFeatureCollectionInLonLatInsideProjectExtent_WithDocumentedProperties(string layer, string[] properties)
    {
        using var client = factory.App();
        var project = await Json.Get(client, "/api/project");
        var extent = project.GetProperty("extent").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.InRange(extent[0], -6, 10);   // metropolitan France in degrees, not Lambert-93 metres
        Assert.InRange(extent[1], 41, 52);

        var features = await Json.Features(client, "/api/layers/" + layer);

        Assert.NotEmpty(features);
        var box = new Envelope(extent[0] - 1e-6, extent[2] + 1e-6, extent[1] - 1e-6, extent[3] + 1e-6);
        foreach (var feature in features)
        {
            Assert.True(box.Contains(feature.Geometry.EnvelopeInternal), $"{layer}: {feature.Geometry.EnvelopeInternal} outside {box}");
            Assert.True(feature.Attributes.Exists(properties[0]), $"{layer}: {properties[0]} missing");
            Assert.DoesNotContain(feature.Attributes.GetNames(), n => !properties.Contains(n));
        }
        // Estates leave null properties out (size); every documented property is there when it has a value.
        foreach (var p in properties)
            Assert.True(features.Any(f => f.Attributes.Exists(p)), $"{layer}: property {p} never present");
        if (layer != "estates")
            Assert.All(features, f => Assert.Equal(properties.Length, f.Attributes.Count));
    }

    [Fact]
    public async Task Estates_AreThe1495DemoEstatesAsPoints()
    {
        using var client = factory.App();
        var features = await Json.Features(client, "/api/layers/estates");
        Assert.Equal(1495, features.Count);
        Assert.All(features, f => Assert.IsType<Point>(f.Geometry));
        Assert.Equal(1495, features.Select(f => Json.Str(f, "id")).Distinct().Count());
        Assert.Contains(features, f => Json.Num(f, "travelMinutes") is > 0);
    }

    [Fact]
    public async Task Territories_CarryTheFourTypeCodes()
    {
        using var client = factory.App();
        var features = await Json.Features(client, "/api/layers/territories");
        var types = features.Select(f => Json.Str(f, "type")).ToHashSet();
        Assert.Equal(TypeCodes.Order(), types.Order());
        Assert.All(features, f => Assert.IsAssignableFrom<IPolygonal>(f.Geometry));
    }

    [Fact]
    public async Task Communes_LargeTolerance_HasFewerVertices()
    {
        using var client = factory.App();
        var full = await Json.Features(client, "/api/layers/communes");
        var simplified = await Json.Features(client, "/api/layers/communes?tolerance=4000");
        Assert.Equal(full.Count, simplified.Count);
        int Vertices(FeatureCollection fc) => fc.Sum(f => f.Geometry.NumPoints);
        Assert.True(Vertices(simplified) < Vertices(full) * 0.8, $"{Vertices(simplified)} vs {Vertices(full)}");
        Assert.All(simplified, f => Assert.False(f.Geometry.IsEmpty));
    }

    [Theory]
    [InlineData("communes", "-5")]
    [InlineData("territories", "1000000")]
    [InlineData("districts", "NaN")]
    public async Task PolygonLayer_InvalidTolerance_Is400Problem(string layer, string tolerance)
    {
        using var client = factory.App();
        var response = await client.GetAsync($"/api/layers/{layer}?tolerance={tolerance}");
        await Json.Problem(response, HttpStatusCode.BadRequest);
    }
}
