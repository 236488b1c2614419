using NetTopologySuite.Geometries;
using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>
/// A layer being imported, whose rows a project store writes as they are read (<see cref="LayerImporter.Open"/>):
/// estates come from <see cref="Estates"/>, read once, row by row; other layers were read whole (<see cref="Materialized"/>).
/// </summary>
/// <remarks>
/// The file-level decisions are made before the first row is given: <see cref="TargetCrs"/> is known.
/// <see cref="Result"/> (counts and report) is complete once <see cref="Estates"/> has been read to its end.
/// Dispose after the report is written: the row issues wait in a temporary file.
/// </remarks>
public sealed class ImportStream : IDisposable
{
    /// <summary>The share of the progress the first pass (file-level decisions) takes.</summary>
    internal const double FirstPassShare = 0.3;

    private readonly ImportOptions? _options;
    private readonly FieldMapping? _map;
    private readonly GeometrySource _geometrySource;
    private readonly GeometryStage? _stage;
    private readonly ImportLog? _log;
    private readonly IssueSpill? _spill;
    private readonly IReadOnlyDictionary<string, string> _mapping;
    private ImportResult? _result;
    private bool _started;

    /// <summary>A layer read whole.</summary>
    public ImportStream(ImportResult materialized)
    {
        ArgumentNullException.ThrowIfNull(materialized);
        _result = materialized;
        Materialized = materialized;
        Kind = materialized.Kind;
        SourcePath = materialized.SourcePath;
        TargetCrs = materialized.TargetCrs;
        _mapping = materialized.Mapping;
        EstateGeometryType = "GEOMETRY";
    }

    internal ImportStream(string path, ImportOptions options, FieldMapping map, GeometrySource geometrySource, GeometryStage stage,
        ImportLog log, IssueSpill spill, IReadOnlyDictionary<string, string> mapping, string estateGeometryType)
    {
        Kind = LayerKind.Estates;
        SourcePath = path;
        TargetCrs = stage.WorkingCrs;
        EstateGeometryType = estateGeometryType;
        _options = options;
        _map = map;
        _geometrySource = geometrySource;
        _stage = stage;
        _log = log;
        _spill = spill;
        _mapping = mapping;
    }

    public LayerKind Kind { get; }
    public string SourcePath { get; }
    /// <summary>The CRS the rows are given in (the project's working CRS).</summary>
    public int TargetCrs { get; }
    /// <summary>The estates' geometry type as the first pass saw it (<c>POINT</c>, <c>MULTIPOLYGON</c> or <c>GEOMETRY</c>).</summary>
    public string EstateGeometryType { get; }
    /// <summary>The layer read whole, or null when its rows are streamed.</summary>
    public ImportResult? Materialized { get; }

    /// <summary>The counts and report; throws until <see cref="Estates"/> has been read to its end.</summary>
    public ImportResult Result => _result ?? throw new InvalidOperationException("The streamed rows have not been read to their end.");

    /// <summary>The accepted estates in source order (second reading of the source); can be read once.</summary>
    public IEnumerable<Estate> Estates(CancellationToken ct = default)
    {
        if (Materialized is not null)
            return Materialized.Estates;
        if (_started)
            throw new InvalidOperationException("The streamed rows can be read once.");
        _started = true;
        return Stream(ct);
    }

    private IEnumerable<Estate> Stream(CancellationToken ct)
    {
        var log = _log!;
        var stage = _stage!;
        var factory = new GeometryFactory(new PrecisionModel(), TargetCrs);
        var dedup = new StreamingIdDeduplicator(log);
        long read = 0, accepted = 0, points = 0, polygons = 0;
        using (var layer = SourceLayers.Open(SourcePath, _options!.LayerName))
        {
            var mapper = new RowMapper(Kind, _map!, _geometrySource, log);
            var values = _map!.HasValues ? new MappedValues(_map) : null;
            foreach (var record in layer.Rows(ct))
            {
                if ((++read & 0xFFF) == 0)
                    LayerImporter.ReportRead(_options.Progress, layer, FirstPassShare, 1.0);
                if (mapper.Map(values?.Over(record) ?? record) is not { } row || !stage.Place(row))
                    continue;
                dedup.Apply(row);
                accepted++;
                if (row.Geometry is null)
                    points++;
                else
                    polygons++;
                yield return ResultBuilder.Estate(row, row.Geometry ?? factory.CreatePoint(new Coordinate(row.X, row.Y)));
            }
        }
        if (read == 0)
            log.Warn(0, null, "no_data_rows");
        if (points > 0 && polygons > 0)
            log.Warn(0, "geometry", "estates_mixed_geometry", ("points", points), ("polygons", polygons));
        _options.Progress?.Report(1.0);
        var spill = _spill!;
        var fileLevel = log.Issues.Where(i => i.Row == 0).ToList();
        _result = new ImportResult
        {
            Kind = Kind,
            SourcePath = SourcePath,
            SourceCrs = stage.SourceCrs,
            TargetCrs = TargetCrs,
            Read = checked((int)read),
            Accepted = checked((int)accepted),
            Rejected = checked((int)spill.Rejected + fileLevel.Count(i => i.Severity == ImportIssueSeverity.Rejected)),
            Repaired = checked((int)spill.Repaired),
            Warnings = checked((int)spill.Warnings + fileLevel.Count(i => i.Severity == ImportIssueSeverity.Warning)),
            IssueCount = checked((int)spill.Count + fileLevel.Count),
            Issues = log.Sorted(),
            Spill = spill,
            Mapping = _mapping,
        };
    }

    /// <inheritdoc />
    public void Dispose() => _spill?.Dispose();
}
