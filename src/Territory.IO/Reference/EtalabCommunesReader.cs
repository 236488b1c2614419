using System.Globalization;
using System.Text.Json;
using Territory.Core.Messages;
using Territory.IO.Import;

namespace Territory.IO.Reference;

/// <summary>Reads <c>data/communes.json</c> of <c>@etalab/decoupage-administratif</c> (MIT).</summary>
/// <remarks>
/// An array of objects <c>{code, nom, departement, type, population, …}</c>. Rows of type
/// <c>commune-actuelle</c> are communes; <c>arrondissement-municipal</c> rows (Paris, Lyon,
/// Marseille, codes 751xx, 6938x, 132xx) are kept too, so a project that holds arrondissements
/// matches them; delegated and associated communes are skipped (counted). The file gives no density
/// level.
/// </remarks>
internal static class EtalabCommunesReader
{
    private const string Current = "commune-actuelle";
    private const string Arrondissement = "arrondissement-municipal";

    public static CommuneReferenceSource Read(string path, CancellationToken ct)
    {
        var file = Path.GetFileName(path);
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ImportException(Message.Of("reference_json_unreadable", ("file", file), ("line", (e.LineNumber ?? 0) + 1), ("position", (e.BytePositionInLine ?? 0) + 1)), e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
                throw new ImportException(Message.Of("reference_json_not_array", ("file", file)));
            var rows = new List<CommuneReferenceRow>(root.GetArrayLength());
            var issues = new List<CommuneReferenceIssue>();
            var skipped = 0;
            long row = 0;
            foreach (var item in root.EnumerateArray())
            {
                row++;
                if ((row & 4095) == 0)
                    ct.ThrowIfCancellationRequested();
                if (item.ValueKind != JsonValueKind.Object)
                {
                    issues.Add(new(file, row, null, Message.Of("reference_item_not_object")));
                    continue;
                }
                var type = Text(item, "type");
                if (type is not (Current or Arrondissement))
                {
                    skipped++;
                    continue;
                }
                var raw = Text(item, "code");
                var code = InseeCodes.Normalize(raw);
                if (code is null)
                {
                    issues.Add(new(file, row, raw, Message.Of("reference_insee_code_invalid", ("value", raw))));
                    continue;
                }
                int? population = null;
                if (item.TryGetProperty("population", out var pop) && pop.ValueKind != JsonValueKind.Null)
                {
                    population = Population(pop);
                    if (population is null)
                        issues.Add(new(file, row, code, Message.Of("reference_population_invalid", ("value", pop.ValueKind == JsonValueKind.String ? pop.GetString() : pop.GetRawText()))));
                }
                rows.Add(new CommuneReferenceRow(code, Text(item, "nom"), population, null, row));
            }
            return new CommuneReferenceSource
            {
                Path = Path.GetFullPath(path),
                Format = CommuneReferenceFormat.EtalabJson,
                Rows = rows,
                SkippedRows = skipped,
                Issues = issues,
                ProvidesPopulation = true,
                ProvidesDensityLevel = false,
            };
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static int? Population(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var n) && n >= 0 => n,
        JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

}
