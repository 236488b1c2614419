using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Territory.Core.Analysis;

namespace Territory.IO.Export;

/// <summary>The analysis exports with their field names in French (default) or English: GeoJSON properties and the CSV header.</summary>
/// <remarks>
/// The exporters write the project's names (English in GeoJSON, French in the CSV made for Excel); this renames
/// them afterwards, so a field the exporters gain later is exported under its own name rather than lost.
/// </remarks>
public static class AnalysisExports
{
    // The CSV header (French, written by AnalysisCsvExporter) in English.
    private static readonly Dictionary<string, string> CsvEnglish = new(StringComparer.Ordinal)
    {
        ["nom"] = "name", ["nature"] = "kind", ["type_libelle"] = "type_label", ["second_type"] = "runner_up", ["ecart"] = "margin",
        ["logements"] = "dwellings", ["programmes"] = "estates", ["logements_par_programme"] = "dwellings_per_estate", ["part_collectif"] = "collective_share",
        ["logements_qpv"] = "qpv_dwellings", ["part_qpv"] = "qpv_share", ["niveau_densite"] = "density_level", ["densite_estimee"] = "density_estimated",
        ["part_surface_qpv"] = "qpv_area_share", ["distance_programme_voisin_m"] = "nearest_estate_m", ["logements_bailleur_rayon"] = "nearby_landlord_dwellings",
        ["trajet_moyen_min"] = "mean_travel_min", ["trajet_max_min"] = "max_travel_min", ["trajet_estime"] = "travel_estimated", ["nb_bailleurs"] = "landlords",
        ["bailleurs"] = "landlord_names", ["agents_site_etp"] = "site_agents_fte", ["logements_par_agent"] = "dwellings_per_site_agent",
        ["gardiennage_etp_requis"] = "caretaker_required_fte", ["regle"] = "rule", ["recommandations"] = "recommendations",
    };

    /// <summary>The GeoJSON of the territories with property names in <paramref name="names"/>.</summary>
    public static void WriteGeoJson(AnalysisResult result, Stream stream, FieldNames names = FieldNames.Fr)
    {
        if (names == FieldNames.En)
        {
            AnalysisGeoJsonExporter.Write(result, stream);
            return;
        }
        var buffer = new MemoryStream();
        AnalysisGeoJsonExporter.Write(result, buffer);
        var root = JsonNode.Parse(buffer.ToArray())!;
        foreach (var feature in root["features"]?.AsArray() ?? [])
            if (feature?["properties"] is JsonObject properties)
                feature["properties"] = Renamed(properties);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        root.WriteTo(writer);
    }

    /// <summary>The GeoJSON file of the territories.</summary>
    public static void WriteGeoJson(AnalysisResult result, string path, FieldNames names = FieldNames.Fr)
    {
        using var stream = File.Create(path);
        WriteGeoJson(result, stream, names);
    }

    /// <summary>The CSV of the territories (for Excel) with its header in <paramref name="names"/>.</summary>
    public static void WriteCsv(AnalysisResult result, Stream stream, FieldNames names = FieldNames.Fr)
    {
        if (names == FieldNames.Fr)
        {
            AnalysisCsvExporter.Write(result, stream);
            return;
        }
        var buffer = new MemoryStream();
        AnalysisCsvExporter.Write(result, buffer);
        var text = new UTF8Encoding(false).GetString(buffer.ToArray()).TrimStart('\uFEFF');
        var end = text.IndexOf("\r\n", StringComparison.Ordinal);
        var header = string.Join(';', text[..end].Split(';').Select(h => CsvEnglish.GetValueOrDefault(h, h)));
        using var w = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        w.Write(header);
        w.Write(text[end..]);
    }

    /// <summary>The CSV file of the territories.</summary>
    public static void WriteCsv(AnalysisResult result, string path, FieldNames names = FieldNames.Fr)
    {
        using var stream = File.Create(path);
        WriteCsv(result, stream, names);
    }

    private static JsonObject Renamed(JsonObject properties)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in properties.ToList())
        {
            properties.Remove(key);
            var renamed = value is JsonArray array
                ? new JsonArray(array.Select(v => v is JsonObject o ? (JsonNode)Renamed(o) : v?.DeepClone()).ToArray())
                : value;
            copy[ExportFieldNames.Of(key, FieldNames.Fr)] = renamed is JsonArray ? renamed : value;
        }
        return copy;
    }
}
