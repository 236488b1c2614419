using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Territory.Core.Tests.Messages;

namespace Territory.Cli.Tests.Infrastructure;

/// <summary>
/// The demo analysed from end to end speaks one language: with <c>--lang en</c> no French word in the
/// texts of <c>analyse --json</c> nor in the HTML report, and no English word in French mode.
/// </summary>
/// <remarks>The project's proper names (estates, landlords, agencies, communes, districts) are French whatever the language: they are taken out first.</remarks>
public sealed partial class EndToEndLanguageTests
{
    // Keys whose values are codes, identifiers, names or paths, not sentences.
    private static readonly HashSet<string> CodeKeys = new(StringComparer.Ordinal)
    {
        "travel", "organisation", "id", "name", "kind", "commune_code", "qpv_code", "type", "runner_up", "estate_ids", "code", "form", "status",
        "reason_code", "stakes_codes", "unit", "landlord", "point_id", "model", "perimeter_model", "files", "agency_id",
    };

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Analyse_DemoInOneLanguage_JsonTextsAndReportHaveNoWordOfTheOther(string lang)
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        CliRun.Invoke("roads", "build", TestPaths.Demo("habitat-demo.osm.pbf"), "--into", project, "--json").Json();
        var json = CliRun.Invoke("analyse", project, "--out", tmp.File("out"), "--json", "--lang", lang).Json();
        var names = ProperNames(project);

        var texts = new List<string>();
        Texts(json, null, texts);
        Assert.NotEmpty(texts);
        var report = File.ReadAllText(tmp.File("out/rapport.html"));
        texts.AddRange(ReportLines(report));

        var bad = texts.Select(t => (Text: t, Word: Foreign(Without(t, names), lang))).Where(x => x.Word is not null)
            .Select(x => $"« {x.Word} » in: {x.Text}").Distinct().Take(20).ToList();
        Assert.Empty(bad);
        Assert.Contains(lang == "en" ? "Why this type" : "Pourquoi ce type", report, StringComparison.Ordinal);
    }

    private static string? Foreign(string text, string lang) => lang == "en" ? LanguageWords.FirstFrench(text) : LanguageWords.FirstEnglish(text);

    private static void Texts(JsonElement e, string? key, List<string> into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                    Texts(p.Value, p.Name, into);
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                    Texts(item, key, into);
                break;
            case JsonValueKind.String when key is null || !CodeKeys.Contains(key):
                into.Add(e.GetString()!);
                break;
        }
    }

    private static IEnumerable<string> ReportLines(string html)
    {
        var body = Regex.Replace(html, "<style.*?</style>|<script.*?</script>", " ", RegexOptions.Singleline);
        return WebUtility.HtmlDecode(Tag().Replace(body, "\n")).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
    }

    // The longest names first, so that « Agence Montbrenac Nord » goes before « Montbrenac ».
    private static string Without(string text, IReadOnlyList<string> names)
    {
        foreach (var n in names)
            text = text.Replace(n, " ", StringComparison.Ordinal);
        return text;
    }

    private static List<string> ProperNames(string project)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var db = new SqliteConnection($"Data Source={project};Mode=ReadOnly;Pooling=False");
        db.Open();
        foreach (var (table, column) in new[] { ("estates", "name"), ("estates", "landlord"), ("agencies", "name"), ("communes", "name"), ("qpv", "name") })
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT DISTINCT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                names.Add(r.GetString(0));
        }
        return names.Where(n => n.Length > 0).OrderByDescending(n => n.Length).ToList();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
