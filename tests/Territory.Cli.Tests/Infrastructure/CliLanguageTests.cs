using System.Collections;
using System.CommandLine;
using System.Globalization;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using Territory.Cli.Infrastructure;
using Territory.Core.Messages;
using Territory.Core.Tests.Messages;

namespace Territory.Cli.Tests.Infrastructure;

/// <summary>The command speaks French by default and English with <c>--lang en</c>: help, parse errors, results, errors.</summary>
public sealed partial class CliLanguageTests
{
    // What System.CommandLine prints by itself (its neutral resources, and what its French satellite leaves untranslated).
    private static readonly string[] LibraryEnglish =
        ["Show help and usage information", "Show version information", "Usage:", "Options:", "Description:", "(REQUIRED)", "Commands:", "Arguments:", "default:"];

    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string>();
        foreach (var c in Walk(CliApp.BuildRoot(Console(Lang.Fr).Console)))
            data.Add(c);
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Help_EveryCommandInFrench_HasNoEnglishOfTheLibrary(string path)
    {
        var run = CliRun.Invoke([.. Split(path), "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Utilisation :", run.Out, StringComparison.Ordinal);
        Assert.Contains("Affiche l'aide et la façon d'utiliser la commande.", run.Out, StringComparison.Ordinal);
        Assert.All(LibraryEnglish, e => Assert.DoesNotContain(e, run.Out, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Help_EveryCommandWithLangEn_IsInEnglish(string path)
    {
        var run = CliRun.Invoke([.. Split(path), "--help", "--lang", "en"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Utilisation", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("«", run.Out, StringComparison.Ordinal);
        // The demo project's name is French (« Habitat Démo ») and so is the French « département ».
        var text = run.Out.Replace("Habitat Démo", "", StringComparison.Ordinal).Replace("département", "", StringComparison.Ordinal);
        Assert.DoesNotMatch("[àâçéèêîïôûùœ]", text);
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Help_EveryCommandInEachLanguage_HasNoWordOfTheOther(string path)
    {
        foreach (var lang in new[] { "fr", "en" })
        {
            var run = CliRun.Invoke([.. Split(path), "--help", "--lang", lang]);
            // The text as one line (help wraps sentences and quoted values), without what the user types as it is:
            // options, placeholders, defaults, quoted values, file names, snake_case names and the demo's French name.
            var text = HelpLiteral().Replace(Regex.Replace(run.Out, @"\s+", " "), " ");
            var word = lang == "fr" ? LanguageWords.FirstEnglish(text) : LanguageWords.FirstFrench(text);
            Assert.True(word is null, $"{lang} « {word} » in: {text}");
        }
    }

    [Fact]
    public void Help_ImportInFrench_NamesValuesInFrenchAndMarksRequiredOptions()
    {
        var run = CliRun.Invoke("import", "-h");
        Assert.Contains("<FICHIER>", run.Out, StringComparison.Ordinal);
        Assert.Contains("--into <PROJET>", run.Out, StringComparison.Ordinal);
        Assert.Contains("(obligatoire)", run.Out, StringComparison.Ordinal);
        Assert.Contains("--kind <", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "territory: valeur « buildings » non admise ; valeurs possibles : estates, agencies, communes, qpv, candidates.", "Voir « territory import --help ».")]
    [InlineData("en", "territory: value 'buildings' not allowed; possible values: estates, agencies, communes, qpv, candidates.", "See “territory import --help”.")]
    public void ParseError_ValueNotAllowed_OneLineInTheLanguage(string lang, string expected, string pointer)
    {
        var run = CliRun.Invoke("import", "x.csv", "--into", "p.gpkg", "--as", "buildings", "--lang", lang);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal([expected, pointer], run.Error.Trim().Split('\n').Select(l => l.Trim()));
    }

    [Theory]
    [InlineData("fr", "territory: impossible de lire la valeur « abc » de l'option --port (attendu : un nombre entier).")]
    [InlineData("en", "territory: cannot read value 'abc' of option --port (expected: a whole number).")]
    public void ParseError_NotANumber_SaysWhatIsExpectedWithoutDotNetTypes(string lang, string expected)
    {
        var run = CliRun.Invoke("serve", "--port", "abc", "--lang", lang);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, run.Error.Split('\n')[0].Trim());
    }

    [Theory]
    [InlineData("fr", "territory: l'option --into est obligatoire.")]
    [InlineData("en", "territory: option --into is required.")]
    public void ParseError_MissingRequiredOption_InTheLanguage(string lang, string expected)
    {
        var run = CliRun.Invoke("roads", "build", "x.osm.pbf", "--lang", lang);
        Assert.Equal(expected, run.Error.Split('\n')[0].Trim());
    }

    [Theory]
    [InlineData("fr", "territory: --into : indiquer le projet de destination (P.gpkg) ; voir « territory import --help ».")]
    [InlineData("en", "territory: --into: give the destination project (P.gpkg); see “territory import --help”.")]
    public void Import_WithoutInto_ReasonInTheLanguage(string lang, string expected)
    {
        // --into is optional for the parser (import --undo takes none): its absence is the command's own reason.
        var run = CliRun.Invoke("import", "x.csv", "--as", "estates", "--lang", lang);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, run.Error.Split('\n')[0].Trim());
    }

    [Fact]
    public void CommandError_ProjectNotFound_InEnglishWithLangEn()
    {
        using var tmp = TestPaths.Temp();
        var run = CliRun.Invoke("inspect", tmp.File("absent.gpkg"), "--lang", "en");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("territory: project not found: ", run.Error, StringComparison.Ordinal);
        var french = CliRun.Invoke("inspect", tmp.File("absent.gpkg"));
        Assert.StartsWith("territory: projet introuvable : ", french.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_RejectedRows_FrenchByDefaultEnglishWithLangEnSameCodesInJson()
    {
        using var tmp = TestPaths.Temp();
        var csv = tmp.File("programmes.csv");
        File.WriteAllText(csv, "id;lon;lat;logements\n1;1,44;43,60;-8\n2;1,45;43,61;12\n", Encoding.UTF8);
        var fr = CliRun.Invoke("import", csv, "--into", tmp.File("fr.gpkg"), "--as", "estates");
        Assert.Equal(0, fr.ExitCode);
        Assert.Contains("[rejetée] ligne 1, champ logements : nombre de logements -8 : ce n'est pas un entier positif", fr.Out, StringComparison.Ordinal);
        Assert.Contains("Lus : 2   acceptés : 1   rejetés : 1", fr.Out, StringComparison.Ordinal);
        Assert.Contains("(créée)", fr.Out, StringComparison.Ordinal);

        var en = CliRun.Invoke("import", csv, "--into", tmp.File("en.gpkg"), "--as", "estates", "--lang", "en");
        Assert.Contains("[rejected] row 1, field dwellings: dwellings -8 is not a positive whole number", en.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("«", en.Out, StringComparison.Ordinal);

        var json = CliRun.Invoke("import", csv, "--into", tmp.File("json.gpkg"), "--as", "estates", "--json", "--lang", "en").Json();
        var issue = json.GetProperty("issues").EnumerateArray().Single();
        Assert.Equal("dwellings_not_positive", issue.GetProperty("code").GetString());
        Assert.Equal("rejected", issue.GetProperty("severity").GetString());
        Assert.Equal("dwellings -8 is not a positive whole number", issue.GetProperty("reason").GetString());
        var report = File.ReadAllLines(json.GetProperty("report").GetString()!, Encoding.UTF8);
        Assert.Equal("file;row;field;severity;code;reason", report[0].TrimStart('\uFEFF'));
    }

    [Fact]
    public void ParseErrors_EveryLibraryMessageWithValues_HasACatalogueText()
    {
        var manager = new ResourceManager("System.CommandLine.Properties.Resources", typeof(RootCommand).Assembly);
        var withValues = manager.GetResourceSet(CultureInfo.InvariantCulture, true, true)!.Cast<DictionaryEntry>()
            .Where(e => e.Value is string s && s.Contains("{0}", StringComparison.Ordinal) && !((string)e.Key).StartsWith("Help", StringComparison.Ordinal))
            .Select(e => (string)e.Key).ToList();
        Assert.NotEmpty(withValues);
        Assert.All(withValues, key => Assert.True(CliParseErrors.Codes.ContainsKey(key), key + " has no catalogue text"));
        Assert.All(CliParseErrors.Codes.Values, code => Assert.True(Catalogue.Has(code), code));
    }

    private static (CliConsole Console, StringWriter Out) Console(Lang lang)
    {
        var output = new StringWriter();
        return (CliConsole.Captured(output, new StringWriter()) with { Lang = lang }, output);
    }

    private static IEnumerable<string> Walk(Command command, string prefix = "")
    {
        var path = command is RootCommand ? "" : (prefix + " " + command.Name).Trim();
        yield return path;
        foreach (var c in command.Subcommands)
            foreach (var p in Walk(c, path))
                yield return p;
    }

    [GeneratedRegex(@"«[^»]*»|“[^”]*”|'[a-z_|]+'|--[a-z][a-z0-9-]*(?: (?:estates|agencies|communes|qpv|candidates)\b)?|(?<=[:,] )(?:siege|agence|antenne|bureau_proximite|loge|lieu_relais|arret_agence_mobile)\b|<[^>]+>|\[[^\]]*\]|[\w.-]+\.(?:csv|json|gpkg|geojson|html|pbf|osm|gz|graph|md|xlsx)\b|\b[a-z0-9]+(?:_[a-z0-9]+)+\b|EPSG:\S+|Habitat Démo|département")]
    private static partial Regex HelpLiteral();

    private static string[] Split(string path) => path.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
