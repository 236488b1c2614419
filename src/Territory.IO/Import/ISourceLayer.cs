namespace Territory.IO.Import;

/// <summary>One layer of a source file, read row by row (one implementation per file format).</summary>
internal interface ISourceLayer : IDisposable
{
    /// <summary>File name shown in the report.</summary>
    string FileName { get; }
    /// <summary>Attribute column names, in file order.</summary>
    IReadOnlyList<string> Columns { get; }
    /// <summary>CRS the file declares (.prj, GeoPackage, GeoJSON <c>crs</c>, RFC 7946 default), or null.</summary>
    int? DeclaredCrs { get; }
    /// <summary>Why the declared CRS could not be used (unknown WKT…), as a catalogue message, or null; fatal only without <c>--crs</c>.</summary>
    Territory.Core.Messages.Message? CrsProblem { get; }
    /// <summary>True when rows carry a native geometry (all formats but CSV).</summary>
    bool HasNativeGeometry { get; }
    /// <summary>
    /// The rows. Implementations may return the same record instance, updated, for every row:
    /// consumers read it before moving on.
    /// </summary>
    IEnumerable<ISourceRecord> Rows(CancellationToken ct);

    /// <summary>Share of the source read so far, in [0, 1]; NaN when the format cannot tell.</summary>
    double ReadFraction => double.NaN;
}
