using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store;

namespace Territory.Web.State;

/// <summary>Compares an import's rows with the layer as saved: counts, extents, and whether the store would refuse or ask.</summary>
/// <remarks>The rules are the store's (<see cref="IProjectStore.ImportLayer(Territory.IO.Import.ImportResult, LayerWriteOptions, CancellationToken)"/>): nothing accepted is refused, a replacement
/// under <see cref="LayerWriteOptions.ShrinkThreshold"/> of the layer needs a confirmation, appended keys already stored are skipped.</remarks>
internal static class ImportPreviews
{
    public static ImportPreview Describe(ImportResult result, ImportRequest request, ProjectSnapshot saved)
    {
        var (existingKeys, existingGeometries) = Layer(saved, result.Kind);
        var (incomingKeys, incomingGeometries) = Incoming(result);
        var before = existingKeys.Count;
        var duplicates = 0;
        if (request.Append)
        {
            var stored = existingKeys.ToHashSet(StringComparer.Ordinal);
            duplicates = incomingKeys.Count(stored.Contains);
        }
        var after = request.Append ? before + incomingKeys.Count - duplicates : incomingKeys.Count;
        var shrinks = !request.Append && before > 0 && result.Accepted < before * LayerWriteOptions.Replace.ShrinkThreshold;
        var file = Path.GetFileName(result.SourcePath);
        var refusal = result.Accepted == 0
            ? Message.Of("import_nothing_accepted", ("file", file), ("read", result.Read), ("rejected", result.Rejected))
            : null;
        var extentBefore = Extent(existingGeometries, saved.Data.WorkingCrs);
        var extentAfter = Extent(request.Append ? existingGeometries.Concat(incomingGeometries) : incomingGeometries, result.TargetCrs);
        return new ImportPreview("", saved.Data.DataVersion, result, request.Append, before, after, duplicates, extentBefore, extentAfter,
            shrinks && refusal is null, refusal);
    }

    private static (List<string> Keys, IEnumerable<Geometry> Geometries) Layer(ProjectSnapshot saved, LayerKind kind)
    {
        var d = saved.Data;
        return kind switch
        {
            LayerKind.Estates => (d.Estates.Select(e => e.Id).ToList(), d.Estates.Select(e => e.Geometry)),
            LayerKind.Agencies => (d.Agencies.Select(a => a.Id).ToList(), d.Agencies.Select(a => (Geometry)a.Location)),
            LayerKind.Communes => (d.Communes.Select(c => c.Code).ToList(), d.Communes.Select(c => c.Geometry)),
            LayerKind.Qpv => (d.Districts.Select(q => q.Code).ToList(), d.Districts.Select(q => q.Geometry)),
            LayerKind.Candidates => (d.Candidates.Select(c => c.Id).ToList(), d.Candidates.Select(c => (Geometry)c.Location)),
            _ => ([], []),
        };
    }

    private static (List<string> Keys, IEnumerable<Geometry> Geometries) Incoming(ImportResult r) => r.Kind switch
    {
        LayerKind.Estates => (r.Estates.Select(e => e.Id).ToList(), r.Estates.Select(e => e.Geometry)),
        LayerKind.Agencies => (r.Agencies.Select(a => a.Id).ToList(), r.Agencies.Select(a => (Geometry)a.Location)),
        LayerKind.Communes => (r.Communes.Select(c => c.Code).ToList(), r.Communes.Select(c => c.Geometry)),
        LayerKind.Qpv => (r.Districts.Select(q => q.Code).ToList(), r.Districts.Select(q => q.Geometry)),
        LayerKind.Candidates => (r.Candidates.Select(c => c.Id).ToList(), r.Candidates.Select(c => (Geometry)c.Location)),
        _ => ([], []),
    };

    /// <summary>Lon/lat box of geometries in <paramref name="epsg"/>, edges densified (a conic projection curves them).</summary>
    private static double[]? Extent(IEnumerable<Geometry> geometries, int epsg)
    {
        var envelope = new Envelope();
        foreach (var g in geometries)
            envelope.ExpandToInclude(g.EnvelopeInternal);
        if (envelope.IsNull)
            return null;
        var rectangle = new GeometryFactory().ToGeometry(envelope);
        var densified = NetTopologySuite.Densify.Densifier.Densify(rectangle, Math.Max(1e-6, Math.Max(envelope.Width, envelope.Height) / 16));
        var box = new Reprojector(epsg, CrsRegistry.Wgs84).Transform(densified).EnvelopeInternal;
        return [Math.Round(box.MinX, 6), Math.Round(box.MinY, 6), Math.Round(box.MaxX, 6), Math.Round(box.MaxY, 6)];
    }
}
