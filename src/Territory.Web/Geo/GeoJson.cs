using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Territory.Web.Geo;

/// <summary>GeoJSON for the API: NTS's System.Text.Json converters, camelCase, coordinates rounded to 1e-6° (≈ 0.1 m).</summary>
public static class GeoJson
{
    /// <summary>Content type of layer responses.</summary>
    public const string ContentType = "application/geo+json";

    // Accented names written as UTF-8, not \u00E9 escapes: the answers are never embedded in HTML.
    private static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Adds the GeoJSON converters to API serializer options.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new GeoJsonConverterFactory());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return options;
    }

    /// <summary>UTF-8 JSON of a feature collection.</summary>
    /// <summary>The API's JSON settings (camelCase, UTF-8 text unescaped), for answers serialised ahead of time.</summary>
    public static JsonSerializerOptions ApiOptions => Options;

    public static byte[] Serialize(FeatureCollection features) => JsonSerializer.SerializeToUtf8Bytes(features, Options);

    /// <summary>A copy with coordinates rounded to 6 decimals (lon/lat): smaller answers, no visible change.</summary>
    public static Geometry Round(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new RoundFilter());
        copy.GeometryChanged();
        return copy;
    }

    private sealed class RoundFilter : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, Math.Round(seq.GetX(i), 6));
                seq.SetY(i, Math.Round(seq.GetY(i), 6));
            }
        }
    }
}
