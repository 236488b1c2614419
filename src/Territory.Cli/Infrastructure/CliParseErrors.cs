using System.Collections;
using System.CommandLine;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Territory.Core.Messages;

namespace Territory.Cli.Infrastructure;

/// <summary>
/// Parse errors of System.CommandLine rendered from the catalogue: its English messages (the neutral
/// resources, read from its own assembly so the patterns follow the library) are matched back to their
/// resource key, and the values they carry go into the French or English sentence of that key.
/// </summary>
internal static class CliParseErrors
{
    // Resource key of System.CommandLine → catalogue code; the {0}, {1}… of the resource become v0, v1….
    internal static readonly Dictionary<string, string> Codes = new(StringComparer.Ordinal)
    {
        ["ArgumentConversionCannotParse"] = "cli_parse_cannot_parse",
        ["ArgumentConversionCannotParseForCommand"] = "cli_parse_cannot_parse_for_command",
        ["ArgumentConversionCannotParseForOption"] = "cli_parse_cannot_parse_for_option",
        ["ArgumentConversionCannotParseForCommand_Completions"] = "cli_parse_cannot_parse_for_command_suggest",
        ["ArgumentConversionCannotParseForOption_Completions"] = "cli_parse_cannot_parse_for_option_suggest",
        ["CommandRequiredArgumentMissing"] = "cli_parse_command_argument_missing",
        ["OptionRequiredArgumentMissing"] = "cli_parse_option_argument_missing",
        ["RequiredOptionWasNotProvided"] = "cli_parse_option_required",
        ["RequiredCommandWasNotProvided"] = "cli_parse_command_required",
        ["UnrecognizedCommandOrArgument"] = "cli_parse_unrecognized",
        ["UnrecognizedArgument"] = "cli_parse_value_not_allowed",
        ["OptionExpectsOneArgument"] = "cli_parse_expects_one",
        ["FileDoesNotExist"] = "cli_parse_file_missing",
        ["DirectoryDoesNotExist"] = "cli_parse_directory_missing",
        ["FileOrDirectoryDoesNotExist"] = "cli_parse_path_missing",
        ["InvalidCharactersInPath"] = "cli_parse_path_character",
        ["InvalidCharactersInFileName"] = "cli_parse_file_name_character",
        ["ResponseFileNotFound"] = "cli_parse_response_file_missing",
        ["ErrorReadingResponseFile"] = "cli_parse_response_file_error",
        ["VersionOptionCannotBeCombinedWithOtherArguments"] = "cli_parse_one_argument",
        ["SuggestionsTokenNotMatched"] = "cli_parse_not_matched",
    };

    private static readonly Lazy<IReadOnlyList<(Regex Pattern, string Code)>> Patterns = new(Load);

    /// <summary>One line: the error in <paramref name="lang"/>, or the library's text when it is not one of the known messages.</summary>
    public static string Render(string message, Lang lang)
    {
        foreach (var (pattern, code) in Patterns.Value)
        {
            var m = pattern.Match(message);
            if (!m.Success)
                continue;
            var values = m.Groups.Cast<Group>().Skip(1).Select((g, i) => ($"v{i}", TypeName(Clean(g.Value)) ?? (object?)Clean(g.Value))).ToArray();
            return Catalogue.Text(lang, code, values);
        }
        return OneLine(message);
    }

    // The expected type of a value, in words (« un nombre entier »), never a .NET name.
    private static Message? TypeName(string value) => value.Replace("System.", "", StringComparison.Ordinal) switch
    {
        "Int32" or "Int64" or "Int16" or "UInt32" => Message.Of("cli_type_integer"),
        "Double" or "Single" or "Decimal" => Message.Of("cli_type_number"),
        "Boolean" => Message.Of("cli_type_boolean"),
        "IO.FileInfo" or "IO.DirectoryInfo" or "IO.FileSystemInfo" => Message.Of("cli_type_path"),
        _ when value.StartsWith("System.", StringComparison.Ordinal) => Message.Of("cli_type_value"),
        _ => null,
    };

    private static string Clean(string value) => OneLine(value.Replace("'", "", StringComparison.Ordinal));

    private static string OneLine(string text) =>
        string.Join(", ", text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Replace(":,", ":", StringComparison.Ordinal);

    private static IReadOnlyList<(Regex, string)> Load()
    {
        var manager = new ResourceManager("System.CommandLine.Properties.Resources", typeof(RootCommand).Assembly);
        var set = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true);
        var list = new List<(Regex, string)>();
        if (set is null)
            return list;
        foreach (DictionaryEntry entry in set)
        {
            if (entry.Key is not string key || entry.Value is not string format || !Codes.TryGetValue(key, out var code))
                continue;
            var pattern = "^" + Regex.Replace(Regex.Escape(format), @"\\\{(\d+)}", "(.*?)") + "$";
            list.Add((new Regex(pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant), code));
        }
        // Longer formats first: « … for option '{1}' as expected type '{2}'. Did you mean… » before its prefix.
        list.Sort((a, b) => b.Item1.ToString().Length.CompareTo(a.Item1.ToString().Length));
        return list;
    }
}
