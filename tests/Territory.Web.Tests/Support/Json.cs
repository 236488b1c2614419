using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace Territory.Web.Tests.Support;

/// <summary>Reads API answers: plain JSON, GeoJSON (with NTS's converters) and ProblemDetails.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions GeoOptions = new(JsonSerializerDefaults.Web) { Converters = { new GeoJsonConverterFactory() } };

    public static async Task<JsonElement> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A FeatureCollection, checked to be GeoJSON (type, content type).</summary>
    public static async Task<FeatureCollection> Features(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using (var doc = JsonDocument.Parse(text))
            Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        return JsonSerializer.Deserialize<FeatureCollection>(text, GeoOptions)!;
    }

    /// <summary>Asserts an RFC 9457 answer with the status and a non-empty French detail.</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    public static object? Attr(IFeature feature, string name) => feature.Attributes.Exists(name) ? feature.Attributes[name] : null;

    public static string Str(IFeature feature, string name) => Convert.ToString(Attr(feature, name), System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static double? Num(IFeature feature, string name) => Attr(feature, name) switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.Null } => null,
        JsonElement e => e.GetDouble(),
        var v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture),
    };
}
