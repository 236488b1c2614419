using System.Text.Json;
using System.Text.Json.Serialization;
using Territory.Core.Messages;

namespace Territory.Store.Results;

/// <summary>A catalogue message as its code and typed values, so that it renders as it did when computed.</summary>
/// <remarks>
/// Values are written as <c>[name, tag, value]</c>: <c>s</c> string, <c>i</c> int, <c>l</c> long, <c>d</c> double,
/// <c>b</c> bool, <c>m</c> message, <c>n</c> null. Any other value type is a bug of the writer (it throws), never a
/// value silently changed.
/// </remarks>
internal sealed class MessageJsonConverter : JsonConverter<Message>
{
    public override Message? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        Expect(ref reader, JsonTokenType.StartArray, false);
        reader.Read();
        var code = reader.GetString() ?? throw new JsonException("Message without a code.");
        var args = new List<(string, object?)>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartArray, false);
            reader.Read();
            var name = reader.GetString()!;
            reader.Read();
            var tag = reader.GetString();
            reader.Read();
            object? value = tag switch
            {
                "s" => reader.GetString(),
                "i" => reader.GetInt32(),
                "l" => reader.GetInt64(),
                "d" => reader.TokenType == JsonTokenType.String ? double.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : reader.GetDouble(),
                "b" => reader.GetBoolean(),
                "m" => Read(ref reader, typeof(Message), options),
                "n" => null,
                _ => throw new JsonException($"Unknown message value tag {tag}."),
            };
            args.Add((name, value));
            Expect(ref reader, JsonTokenType.EndArray, true);
        }
        return Message.Of(code, [.. args]);
    }

    public override void Write(Utf8JsonWriter writer, Message value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.Code);
        foreach (var (name, arg) in value.Args)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(name);
            switch (arg)
            {
                case null: writer.WriteStringValue("n"); writer.WriteNullValue(); break;
                case string s: writer.WriteStringValue("s"); writer.WriteStringValue(s); break;
                case int i: writer.WriteStringValue("i"); writer.WriteNumberValue(i); break;
                case long l: writer.WriteStringValue("l"); writer.WriteNumberValue(l); break;
                case double d when double.IsFinite(d): writer.WriteStringValue("d"); writer.WriteNumberValue(d); break;
                case double d: writer.WriteStringValue("d"); writer.WriteStringValue(d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)); break;
                case bool b: writer.WriteStringValue("b"); writer.WriteBooleanValue(b); break;
                case Message m: writer.WriteStringValue("m"); Write(writer, m, options); break;
                default: throw new NotSupportedException($"Message {value.Code}: value {name} of type {arg.GetType().Name} cannot be stored.");
            }
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, bool advance)
    {
        if (advance)
            reader.Read();
        if (reader.TokenType != type)
            throw new JsonException($"Expected {type} in a stored message, found {reader.TokenType}.");
    }
}
