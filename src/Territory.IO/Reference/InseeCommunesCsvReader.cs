using Territory.Core.Messages;
using System.Globalization;
using Sylvan.Data.Csv;
using Territory.IO.Csv;
using Territory.IO.Import;

namespace Territory.IO.Reference;

/// <summary>Reads an INSEE-style commune CSV: a code column, a population column and/or the density grid.</summary>
/// <remarks>
/// <para>Encoding (UTF-8 or Windows-1252) and separator (<c>;</c>, tab, <c>,</c>) are detected as for
/// imports; column names are matched case- and accent-insensitively.</para>
/// <para>Density: the label column (<c>grille_densite_texte</c>, <c>libdens</c>…) wins, because the
/// code order differs between publications; a code column alone is read in INSEE's order
/// (1 grands centres urbains … 7 rural à habitat très dispersé).</para>
/// </remarks>
internal static class InseeCommunesCsvReader
{
    private static readonly string[] CodeColumns = ["code_insee", "codgeo", "codecommune", "code_commune", "insee_com", "depcom", "com", "code"];
    private static readonly string[] PopulationColumns = ["population", "pmun", "ptot", "pop_mun", "p_pop", "pop"];
    private static readonly string[] DensityLabelColumns = ["grille_densite_texte", "libelle_grille_densite", "libdens", "lib_dens", "dens_lib", "densite_texte"];
    private static readonly string[] DensityCodeColumns = ["grille_densite", "dens", "densite_niveau", "niveau_densite", "density_level"];
    private static readonly string[] UrbanAreaColumns = ["aire_urbaine", "code_aire_urbaine", "au2010", "aav2020", "code_aav", "aire_attraction", "urban_area"];
    private static readonly string[] UrbanAreaPopulationColumns = ["population_aire_urbaine", "pop_aire_urbaine", "pop_au", "population_aav", "urban_area_population"];

    public static CommuneReferenceSource Read(string path, CancellationToken ct)
    {
        var file = Path.GetFileName(path);
        try
        {
            return ReadRows(path, file, ct);
        }
        catch (Exception e) when (e is FormatException || e.GetType().Namespace == typeof(CsvFormatException).Namespace)
        {
            // Malformed quoting, an oversized record: the file as a whole is unreadable (the CSV reader's
            // own failures, binary content or a missing header, are already ImportExceptions naming the file).
            throw new ImportException(Message.Of("reference_csv_malformed", ("file", file)), e);
        }
    }

    private static CommuneReferenceSource ReadRows(string path, string file, CancellationToken ct)
    {
        using (var csv = new CsvSourceLayer(path))
        {
            var names = csv.Columns.Select(ColumnNames.Normalize).ToList();
            var code = Find(names, CodeColumns);
            var population = Find(names, PopulationColumns);
            var label = Find(names, DensityLabelColumns);
            var level = label < 0 ? Find(names, DensityCodeColumns) : -1;
            var area = Find(names, UrbanAreaColumns);
            var areaPopulation = Find(names, UrbanAreaPopulationColumns);
            if (code < 0)
                throw new ImportException(Message.Of("reference_no_code_column", ("file", file), ("expected", string.Join(", ", CodeColumns)),
                    ("columns", string.Join(", ", csv.Columns))));
            if (population < 0 && label < 0 && level < 0 && area < 0)
                throw new ImportException(Message.Of("reference_no_value_column", ("file", file), ("columns", string.Join(", ", csv.Columns))));
            var name = Find(names, ["nom_standard", "libgeo", "nom", "nom_commune", "libelle"]);

            var rows = new List<CommuneReferenceRow>();
            var issues = new List<CommuneReferenceIssue>();
            foreach (var record in csv.Rows(ct))
            {
                var row = record.Row;
                if (record.RowError is { } error)
                {
                    issues.Add(new(file, row, null, error));
                    continue;
                }
                var raw = record.GetString(code);
                var insee = InseeCodes.Normalize(raw);
                if (insee is null)
                {
                    issues.Add(new(file, row, raw, Message.Of("reference_insee_code_invalid", ("value", raw))));
                    continue;
                }
                int? pop = null;
                if (population >= 0)
                {
                    var ok = record.TryGetDouble(population, out var value, out var present);
                    if (ok && value >= 0 && value <= int.MaxValue && value == Math.Floor(value))
                        pop = (int)value;
                    else if (present)
                        issues.Add(new(file, row, insee, Message.Of("reference_population_invalid", ("value", record.GetString(population)))));
                }
                int? density = null;
                if (label >= 0)
                {
                    var text = record.GetString(label);
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        density = DensityLabels.LevelOf(text);
                        if (density is null)
                            issues.Add(new(file, row, insee, Message.Of("reference_density_unknown", ("value", text))));
                    }
                }
                else if (level >= 0)
                {
                    var text = record.GetString(level)?.Trim();
                    if (!string.IsNullOrEmpty(text))
                    {
                        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 7)
                            density = n;
                        else
                            issues.Add(new(file, row, insee, Message.Of("reference_density_invalid", ("value", text))));
                    }
                }
                int? areaPop = areaPopulation >= 0 && record.TryGetDouble(areaPopulation, out var ap, out _) && ap >= 0 && ap <= int.MaxValue ? (int)ap : null;
                rows.Add(new CommuneReferenceRow(insee, name >= 0 ? record.GetString(name) : null, pop, density, row)
                {
                    UrbanArea = area >= 0 ? record.GetString(area)?.Trim() is { Length: > 0 } a ? a : null : null,
                    UrbanAreaPopulation = areaPop,
                });
            }
            return new CommuneReferenceSource
            {
                Path = Path.GetFullPath(path),
                Format = CommuneReferenceFormat.InseeCsv,
                Rows = rows,
                Issues = issues,
                ProvidesPopulation = population >= 0,
                ProvidesDensityLevel = label >= 0 || level >= 0,
                ProvidesUrbanArea = area >= 0,
            };
        }
    }

    private static int Find(List<string> names, string[] candidates)
    {
        foreach (var c in candidates)
        {
            var i = names.IndexOf(c);
            if (i >= 0)
                return i;
        }
        return -1;
    }
}
