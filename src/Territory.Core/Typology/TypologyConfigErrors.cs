using System.Text.Json;
using System.Text.RegularExpressions;
using Territory.Core.Messages;

namespace Territory.Core.Typology;

/// <summary>What a JSON error of a typology file means for its author: the key, never the .NET type behind it.</summary>
internal static partial class TypologyConfigErrors
{
    /// <summary>« clé inconnue « qpvShaer » sous « classification » », « valeur invalide pour « presence.farFromAgencyMinutes » : un nombre est attendu ».</summary>
    public static Message FromJson(JsonException ex)
    {
        var path = Key(ex.Path);
        if (UnknownProperty().Match(ex.Message) is { Success: true } unknown)
        {
            var name = unknown.Groups[1].Value;
            var parent = path.EndsWith("." + name, StringComparison.Ordinal) ? path[..^(name.Length + 1)] : path == name ? "" : path;
            return Message.Of("config_unknown_key", ("name", name), ("parent", parent.Length == 0 ? "$" : parent));
        }
        var expected = ConvertTo().Match(ex.Message) is { Success: true } m ? m.Groups[1].Value : null;
        var what = expected switch
        {
            "Double" or "Int32" or "Int64" or "Single" or "Decimal" => "config_expected_number",
            "Boolean" => "config_expected_boolean",
            "String" => "config_expected_text",
            null => "config_expected_json",
            _ => "config_expected_object",
        };
        return Message.Of("config_invalid_value", ("key", path.Length == 0 ? "$" : path), ("expected", Message.Of(what)));
    }

    // « $.classification.qpvShaer » → « classification.qpvShaer »; « $['a b'] » kept readable.
    private static string Key(string? path) => (path ?? "$").TrimStart('$').TrimStart('.');

    [GeneratedRegex("property '([^']*)' could not be mapped")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"could not be converted to System\.(?:Nullable`1\[)?(?:System\.)?([A-Za-z0-9]+)")]
    private static partial Regex ConvertTo();
}
