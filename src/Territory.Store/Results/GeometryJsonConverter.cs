using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Territory.Store.Results;

/// <summary>Geometries of stored results as extended WKB (SRID kept), base64 in the JSON.</summary>
/// <remarks>Exact: WKB keeps every coordinate bit for bit, so a stored result reads back equal to the computed one.</remarks>
internal sealed class GeometryJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeof(Geometry).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Typed<>).MakeGenericType(typeToConvert))!;

    private sealed class Typed<T> : JsonConverter<T> where T : Geometry
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
                return null;
            var geometry = new WKBReader().Read(reader.GetBytesFromBase64());
            return geometry as T ?? throw new JsonException($"Expected a {typeof(T).Name}, read a {geometry.GeometryType}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteBase64StringValue(new WKBWriter(ByteOrder.LittleEndian, handleSRID: true, emitZ: false, emitM: false).Write(value));
    }
}
