using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.Csv;
using Territory.IO.Import;

namespace Territory.IO.Reference;

/// <summary>
/// INSEE indicators of the priority districts (population, poverty rate, median income, youth index), read from a
/// CSV without geometry and joined by QPV code to the districts already in the project.
/// </summary>
/// <remarks>
/// Columns are matched case- and accent-insensitively: the code (<c>code_qp</c>, <c>code_quartier</c>,
/// <c>code_qpv</c>), <c>pop_mun</c>/<c>population</c>, <c>tp60</c>/<c>taux_pauvrete</c>,
/// <c>disp_q2</c>/<c>decuc_q2</c>/<c>revenu_median</c>, <c>ind_jeune</c>/<c>indice_jeunesse</c> (the INSEE
/// names of the « démographie » and « revenus » files by QPV). Every row read is either joined or reported:
/// read = joined + not found. Districts of the project the file does not name keep their values.
/// </remarks>
public static class QpvIndicators
{
    private static readonly string[] CodeColumns = ["code_qp", "code_quartier", "code_qpv", "qpv", "code"];
    private static readonly string[] PopulationColumns = ["pop_mun", "population", "pop"];
    private static readonly string[] PovertyColumns = ["tp60", "taux_pauvrete", "taux_de_pauvrete"];
    private static readonly string[] IncomeColumns = ["disp_q2", "revenu_median", "revenu_disponible_median", "decuc_q2"];
    private static readonly string[] YouthColumns = ["ind_jeune", "indice_jeunesse", "indice_de_jeunesse"];
    private static readonly string[] GeometryColumns = ["wkt", "geom", "geometry", "the_geom", "geometrie", "lon", "lat", "longitude", "latitude", "x", "y"];

    /// <summary>True for a CSV with a QPV code column and no geometry: an indicator table, not QPV outlines.</summary>
    public static bool IsAttributeTable(string path)
    {
        if (!Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) && !Path.GetExtension(path).Equals(".txt", StringComparison.OrdinalIgnoreCase))
            return false;
        using var csv = new CsvSourceLayer(path);
        var names = csv.Columns.Select(ColumnNames.Normalize).ToList();
        return Find(names, CodeColumns) >= 0 && !names.Any(n => GeometryColumns.Contains(n));
    }

    /// <summary>Joins the file's indicators to <paramref name="districts"/> by code: the project's QPV layer, updated.</summary>
    /// <param name="path">The indicator CSV.</param>
    /// <param name="districts">The project's districts (not modified).</param>
    /// <param name="crs">The project's working CRS (the districts' geometries are kept as they are).</param>
    /// <param name="ct">Cancels the read.</param>
    /// <exception cref="ReasonException">No QPV layer in the project, no code column or no indicator recognised.</exception>
    public static ImportResult Join(string path, IReadOnlyList<PriorityDistrict> districts, int crs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(districts);
        var file = Path.GetFileName(path);
        if (districts.Count == 0)
            throw new ReasonException(Message.Of("qpv_indicators_no_layer", ("file", file)));
        using var csv = new CsvSourceLayer(path);
        var names = csv.Columns.Select(ColumnNames.Normalize).ToList();
        var code = Find(names, CodeColumns);
        if (code < 0)
            throw new ReasonException(Message.Of("qpv_indicators_no_code", ("file", file), ("columns", string.Join(", ", csv.Columns))));
        int population = Find(names, PopulationColumns), poverty = Find(names, PovertyColumns), income = Find(names, IncomeColumns),
            youth = Find(names, YouthColumns);
        if (population < 0 && poverty < 0 && income < 0 && youth < 0)
            throw new ReasonException(Message.Of("qpv_indicators_nothing", ("file", file), ("columns", string.Join(", ", csv.Columns))));

        var byCode = districts.GroupBy(d => d.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var updated = new Dictionary<string, PriorityDistrict>(StringComparer.OrdinalIgnoreCase);
        var issues = new List<ImportIssue>();
        var read = 0;
        foreach (var r in csv.Rows(ct))
        {
            read++;
            var key = r.GetString(code)?.Trim();
            if (r.RowError is { } error || string.IsNullOrEmpty(key) || !byCode.TryGetValue(key, out var district))
            {
                issues.Add(new ImportIssue(file, r.Row, "qpv_code", r.RowError ?? Message.Of("qpv_indicators_unmatched", ("code", key ?? "")),
                    ImportIssueSeverity.Rejected));
                continue;
            }
            updated[district.Code] = district with
            {
                Population = Number(r, population, "population", file, issues) is { } p ? (int)Math.Round(p) : district.Population,
                PovertyRate = Number(r, poverty, "poverty_rate", file, issues) ?? district.PovertyRate,
                MedianIncome = Number(r, income, "median_income", file, issues) ?? district.MedianIncome,
                YouthIndex = Number(r, youth, "youth_index", file, issues) ?? district.YouthIndex,
            };
        }
        return new ImportResult
        {
            Kind = LayerKind.Qpv,
            SourcePath = path,
            SourceCrs = crs,
            TargetCrs = crs,
            Read = read,
            Districts = districts.Select(d => updated.GetValueOrDefault(d.Code) ?? d).ToList(),
            Issues = issues,
            Mapping = new Dictionary<string, string> { ["id"] = csv.Columns[code] },
        };
    }

    private static double? Number(ISourceRecord r, int column, string field, string file, List<ImportIssue> issues)
    {
        if (column < 0)
            return null;
        if (r.TryGetDouble(column, out var value, out var present) && double.IsFinite(value))
            return value;
        if (present)
            issues.Add(new ImportIssue(file, r.Row, field, Message.Of("qpv_indicators_bad_value", ("value", r.GetString(column)), ("field", field)),
                ImportIssueSeverity.Warning));
        return null;
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
