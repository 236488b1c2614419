using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Planning.Rounds;
using Territory.Planning.Service;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary>Files the planning commands read: candidate sites (<c>--candidates</c>) and round stops (<c>--stops</c>).</summary>
internal static class PlanInputs
{
    /// <summary>Rejected rows of a candidates file shown one by one; beyond, a count.</summary>
    private const int RejectsShown = 15;

    /// <summary>
    /// Candidate sites from any readable point file (GeoJSON, GeoPackage, Shapefile, CSV with coordinates), in the project's CRS.
    /// Rows the import checks refuse (outside France, outside the project's zone, no position…) are left out and told on
    /// <paramref name="warn"/> with the file, the row and the import's reason; when none is left the command stops.
    /// </summary>
    /// <exception cref="Core.Messages.ReasonException"><c>plan_candidates_all_rejected</c> when every row is refused; <c>plan_candidates_file_empty</c> for a file without rows.</exception>
    public static IReadOnlyList<Candidate> Candidates(FileInfo file, int workingCrs, Lang lang, Action<string> warn, CancellationToken ct)
    {
        if (!file.Exists) throw PlanCli.Bad("plan_file_missing", ("path", file.FullName));
        var layer = LayerImporter.Import(file.FullName, LayerKind.Candidates, new ImportOptions { TargetCrs = workingCrs }, ct);
        var rejected = layer.Issues.Where(i => i.Severity == ImportIssueSeverity.Rejected).ToList();
        if (layer.Candidates.Count == 0 && rejected.Count > 0)
            throw PlanCli.Bad("plan_candidates_all_rejected", ("file", file.Name), ("count", rejected.Count), ("row", rejected[0].Row),
                ("reason", rejected[0].Message));
        if (layer.Candidates.Count == 0) throw PlanCli.Bad("plan_candidates_file_empty", ("file", file.Name), ("read", layer.Read));
        foreach (var issue in rejected.Take(RejectsShown))
            warn(Catalogue.Text(lang, "plan_candidate_rejected", ("file", file.Name), ("row", issue.Row), ("reason", issue.Message)));
        if (rejected.Count > RejectsShown)
            warn(Catalogue.Text(lang, "plan_candidates_more_rejected", ("count", rejected.Count - RejectsShown), ("file", file.Name)));
        return layer.Candidates;
    }

    /// <summary>
    /// Stops from a point file (each feature a stop, its id and name), or from a CSV without coordinates whose
    /// <c>id</c> column (else the first) names presence points or estates of the project. A CSV may give each stop
    /// its visit frequency in a <c>frequency</c> / <c>frequence</c> column (weekly when empty).
    /// </summary>
    public static IReadOnlyList<RoundStop> Stops(FileInfo file, ProjectData data, double stopMinutes, CancellationToken ct)
    {
        var stops = ReadStops(file, data, stopMinutes, ct);
        if (!IsText(file)) return stops;
        var frequencies = Frequencies(file);
        return frequencies.Count == 0 ? stops
            : stops.Select(s => frequencies.TryGetValue(s.Id, out var f) ? s with { Frequency = f } : s).ToList();
    }

    private static IReadOnlyList<RoundStop> ReadStops(FileInfo file, ProjectData data, double stopMinutes, CancellationToken ct)
    {
        if (!file.Exists) throw PlanCli.Bad("plan_file_missing", ("path", file.FullName));
        ImportResult layer;
        try
        {
            layer = LayerImporter.Import(file.FullName, LayerKind.Candidates, new ImportOptions { TargetCrs = data.WorkingCrs }, ct);
        }
        catch (ImportException) when (IsText(file))
        {
            return RoundStops.FromIds(data, Ids(file), stopMinutes);
        }
        if (layer.Candidates.Count == 0) throw PlanCli.Bad("rounds_stops_file_empty", ("file", file.Name));
        return layer.Candidates.Select(c => new RoundStop { Id = c.Id, Name = c.Name, Location = c.Location, StopMinutes = stopMinutes }).ToList();
    }

    private static bool IsText(FileInfo file) => file.Extension.ToLowerInvariant() is ".csv" or ".txt" or ".tsv";

    /// <summary>The ids of a CSV: its <c>id</c> column, else the first; <c>;</c>, <c>,</c> or tab separated.</summary>
    internal static List<string> Ids(FileInfo file)
    {
        var (header, rows) = Table(file);
        int col = IdColumn(header);
        var ids = rows.Where(r => r.Fields.Count > col && r.Fields[col].Length > 0).Select(r => r.Fields[col]).ToList();
        if (ids.Count == 0) throw PlanCli.Bad("rounds_stops_file_empty", ("file", file.Name));
        return ids;
    }

    /// <summary>Visit frequency by stop id from the CSV's <c>frequency</c> / <c>frequence</c> column; empty without that column.</summary>
    /// <exception cref="Core.Messages.ReasonException"><c>rounds_frequency_invalid</c> naming the file, row and value of the first unreadable frequency.</exception>
    internal static Dictionary<string, VisitFrequency> Frequencies(FileInfo file)
    {
        var (header, rows) = Table(file);
        var result = new Dictionary<string, VisitFrequency>(StringComparer.Ordinal);
        int col = header.FindIndex(h => h.ToLowerInvariant() is "frequency" or "frequence" or "fréquence" or "frequency_code");
        if (col < 0) return result;
        int id = IdColumn(header);
        foreach (var (row, fields) in rows)
        {
            if (fields.Count <= id || fields[id].Length == 0) continue;
            var value = fields.Count > col ? fields[col] : "";
            if (value.Length == 0) continue;
            if (!VisitFrequencies.TryParse(value, out var f))
                throw PlanCli.Bad("rounds_frequency_invalid", ("file", file.Name), ("row", row), ("value", value));
            result[fields[id]] = f;
        }
        return result;
    }

    private static int IdColumn(List<string> header) =>
        Math.Max(0, header.FindIndex(h => h.ToLowerInvariant() is "id" or "identifiant"));

    /// <summary>The header and the data rows (1-based data row number, fields) of a small delimited text file.</summary>
    private static (List<string> Header, List<(int Row, List<string> Fields)> Rows) Table(FileInfo file)
    {
        var lines = File.ReadAllLines(file.FullName).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (lines.Count < 2) throw PlanCli.Bad("rounds_stops_file_empty", ("file", file.Name));
        char sep = new[] { ';', '\t', ',' }.OrderByDescending(c => lines[0].Count(x => x == c)).First();
        return (Split(lines[0], sep), lines.Skip(1).Select((l, i) => (i + 1, Split(l, sep))).ToList());
    }

    private static List<string> Split(string line, char sep) => line.TrimStart('\uFEFF').Split(sep).Select(f => f.Trim().Trim('"').Trim()).ToList();
}
