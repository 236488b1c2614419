using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary><c>/api/layers/estates?format=columns</c>: the same estates as the GeoJSON layer, as columns.</summary>
public sealed class EstateColumnsTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task Columns_hold_the_same_estates_as_the_geojson_layer()
    {
        using var client = factory.App();
        var columns = await client.GetFromJsonAsync<JsonElement>("/api/layers/estates?format=columns");
        var geojson = await client.GetFromJsonAsync<JsonElement>("/api/layers/estates");
        var features = geojson.GetProperty("features").EnumerateArray().ToList();
        var count = columns.GetProperty("count").GetInt32();
        Assert.Equal(features.Count, count);
        foreach (var name in new[] { "id", "lon", "lat", "dwellings", "type", "landlord", "agency", "travelAgency", "travelMinutes", "estimated" })
            Assert.Equal(count, columns.GetProperty(name).GetArrayLength());
        var types = columns.GetProperty("types").EnumerateArray().Select(t => t.GetString()).ToList();
        var agencies = columns.GetProperty("agencies").EnumerateArray().Select(t => t.GetString()).ToList();
        for (int i = 0; i < count; i += 97)
        {
            var p = features[i].GetProperty("properties");
            Assert.Equal(p.GetProperty("id").GetString(), columns.GetProperty("id")[i].GetString());
            Assert.Equal(p.GetProperty("dwellings").GetInt32(), columns.GetProperty("dwellings")[i].GetInt32());
            Assert.Equal(p.GetProperty("type").GetString(), types[columns.GetProperty("type")[i].GetInt32()]);
            var coordinates = features[i].GetProperty("geometry").GetProperty("coordinates");
            Assert.Equal(coordinates[0].GetDouble(), columns.GetProperty("lon")[i].GetDouble(), 6);
            var travelAgency = columns.GetProperty("travelAgency")[i].GetInt32();
            if (p.TryGetProperty("travelAgencyId", out var a) && a.ValueKind == JsonValueKind.String)
                Assert.Equal(a.GetString(), agencies[travelAgency]);
        }
    }

    [Fact]
    public async Task Unknown_format_is_a_400_problem()
    {
        using var client = factory.App();
        var response = await client.GetAsync("/api/layers/estates?format=kml");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
