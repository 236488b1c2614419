using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Planning.Rounds;
using Territory.Planning.Service;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary>Files the planning commands read: candidate sites (<c>--candidates</c>) and round stops (<c>--stops</c>).</summary>
internal static class PlanInputs
{
    /// <summary>Candidate sites from any readable point file (GeoJSON, GeoPackage, Shapefile, CSV with coordinates), in the project's CRS.</summary>
    public static IReadOnlyList<Candidate> Candidates(FileInfo file, int workingCrs, CancellationToken ct)
    {
        if (!file.Exists) throw PlanCli.Bad("plan_file_missing", ("path", file.FullName));
        var layer = LayerImporter.Import(file.FullName, LayerKind.Candidates, new ImportOptions { TargetCrs = workingCrs }, ct);
        if (layer.Candidates.Count == 0) throw PlanCli.Bad("plan_candidates_file_empty", ("file", file.Name), ("read", layer.Read));
        return layer.Candidates;
    }

    /// <summary>
    /// Stops from a point file (each feature a stop, its id and name), or from a CSV without coordinates whose
    /// <c>id</c> column (else the first) names presence points or estates of the project.
    /// </summary>
    public static IReadOnlyList<RoundStop> Stops(FileInfo file, ProjectData data, double stopMinutes, CancellationToken ct)
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
        var lines = File.ReadAllLines(file.FullName).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (lines.Count < 2) throw PlanCli.Bad("rounds_stops_file_empty", ("file", file.Name));
        char sep = new[] { ';', '\t', ',' }.OrderByDescending(c => lines[0].Count(x => x == c)).First();
        var header = Split(lines[0], sep);
        int col = Math.Max(0, header.FindIndex(h => string.Equals(h, "id", StringComparison.OrdinalIgnoreCase)));
        var ids = lines.Skip(1).Select(l => Split(l, sep)).Where(f => f.Count > col && f[col].Length > 0).Select(f => f[col]).ToList();
        if (ids.Count == 0) throw PlanCli.Bad("rounds_stops_file_empty", ("file", file.Name));
        return ids;
    }

    private static List<string> Split(string line, char sep) => line.TrimStart('\uFEFF').Split(sep).Select(f => f.Trim().Trim('"').Trim()).ToList();
}
