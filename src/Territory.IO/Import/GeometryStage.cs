using System.Globalization;
using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Messages;
using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>
/// File-level CRS checks, then per-row position checks, reprojection to the working CRS,
/// geometry kind checks and repair of invalid polygons.
/// </summary>
/// <remarks>
/// Policies (see <see cref="LayerImporter"/>): swapped longitude/latitude are swapped back for the
/// whole file with one warning; metre values under a geographic CRS stop the import; rows
/// outside France and its overseas departments, or outside the working CRS zone, are rejected.
/// </remarks>
internal sealed class GeometryStage(LayerKind kind, ImportLog log, CancellationToken ct)
{
    public int SourceCrs { get; private set; }
    public int WorkingCrs { get; private set; }

    public List<MappedRow> Run(List<MappedRow> rows, int? sourceCrs, int? targetCrs)
    {
        rows = rows.Where(Finite).ToList();
        SourceCrs = sourceCrs ?? GuessCrs(rows);
        if (!CrsRegistry.IsKnown(SourceCrs))
            throw new ImportException(Message.Of("import_source_crs_unknown", ("file", log.FileName), ("crs", SourceCrs.ToString(CultureInfo.InvariantCulture)), ("known", KnownCrs())));
        var geographic = CrsRegistry.IsGeographic(SourceCrs);
        if (geographic)
        {
            RefuseMetresAsDegrees(rows);
            SwapIfLatLon(rows);
        }

        var toLonLat = new Reprojector(SourceCrs, CrsRegistry.Wgs84);
        var located = new List<(MappedRow Row, FranceRegion Region)>(rows.Count);
        foreach (var r in rows)
        {
            ct.ThrowIfCancellationRequested();
            var (x, y) = Centre(r);
            if (geographic && (Math.Abs(x) > 180 || Math.Abs(y) > 90))
            {
                log.Reject(r.Row, "geometry", "degrees_invalid", ("x", x), ("y", y));
                continue;
            }
            var (lon, lat) = geographic ? (x, y) : toLonLat.Transform(x, y);
            var region = double.IsFinite(lon) && double.IsFinite(lat) ? FranceRegions.Locate(lon, lat) : null;
            if (region is null)
            {
                log.Reject(r.Row, "geometry", "outside_france", ("lon", lon), ("lat", lat));
                continue;
            }
            r.Longitude = lon;
            r.Latitude = lat;
            located.Add((r, region));
        }

        WorkingCrs = targetCrs ?? (located.Count == 0
            ? CrsRegistry.Lambert93
            : Core.Crs.WorkingCrs.ChooseFor(Median(located.Select(l => l.Row.Longitude)), Median(located.Select(l => l.Row.Latitude))));
        var zoned = FranceRegions.All.Any(r => r.WorkingCrs == WorkingCrs);
        var toWorking = new Reprojector(SourceCrs, WorkingCrs);
        var accepted = new List<MappedRow>(located.Count);
        foreach (var (r, region) in located)
        {
            ct.ThrowIfCancellationRequested();
            if (zoned && region.WorkingCrs != WorkingCrs)
            {
                log.Reject(r.Row, "geometry", "outside_project_zone", ("where", ImportTexts.Where(region)), ("crs", WorkingCrs.ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            if (!KindAllows(r.Geometry))
            {
                log.Reject(r.Row, "geometry", "geometry_kind_not_allowed", ("geometry", ImportTexts.GeometryType(r.Geometry)), ("layer", ImportTexts.LayerKind(kind)), ("expected", Expected()));
                continue;
            }
            if (r.Geometry is null)
            {
                // Points stay as numbers: writing new objects into these long-lived rows would make
                // young-generation GCs scan them; the point is built with the final record.
                (r.X, r.Y) = toWorking.Transform(r.X, r.Y);
                accepted.Add(r);
                continue;
            }
            var g = toWorking.Transform(r.Geometry);
            if (g is IPolygonal && !GeometryRepair.TryRepair(ref g, r.Row, log))
                continue;
            if (kind is LayerKind.Agencies or LayerKind.Candidates && g is not Point)
            {
                g = g.Centroid;
                g.SRID = WorkingCrs;
                log.Warn(r.Row, "geometry", "polygon_centroid");
            }
            r.Geometry = g;
            accepted.Add(r);
        }
        if (kind == LayerKind.Communes)
            AreaUnits.Resolve(accepted, log);
        return accepted;
    }

    private bool Finite(MappedRow r)
    {
        var ok = r.Geometry is { } g
            ? g.Coordinates.All(c => double.IsFinite(c.X) && double.IsFinite(c.Y))
            : double.IsFinite(r.X) && double.IsFinite(r.Y);
        if (!ok)
            log.Reject(r.Row, "geometry", "coordinate_not_finite");
        return ok;
    }

    private int GuessCrs(List<MappedRow> rows)
    {
        if (rows.Count == 0)
            return CrsRegistry.Wgs84;
        var x = Median(rows.Select(r => Centre(r).X));
        var y = Median(rows.Select(r => Centre(r).Y));
        if (Math.Abs(x) <= 180 && Math.Abs(y) <= 90)
            return CrsRegistry.Wgs84;
        if (x is > 0 and < 1_300_000 && y is > 6_000_000 and < 7_200_000)
            return CrsRegistry.Lambert93;
        throw new ImportException(Message.Of("import_crs_undetectable", ("file", log.FileName), ("x", x), ("y", y)));
    }

    private void RefuseMetresAsDegrees(List<MappedRow> rows)
    {
        var outOfRange = rows.Count(r => Centre(r) is var (x, y) && (Math.Abs(x) > 180 || Math.Abs(y) > 90));
        if (rows.Count > 0 && outOfRange * 2 > rows.Count)
        {
            var (x, y) = Centre(rows.First(r => Centre(r) is var (a, b) && (Math.Abs(a) > 180 || Math.Abs(b) > 90)));
            throw new ImportException(Message.Of("import_metres_as_degrees", ("file", log.FileName), ("count", outOfRange), ("total", rows.Count),
                ("x", x), ("y", y), ("crs", CrsRegistry.NameOf(SourceCrs))));
        }
    }

    private void SwapIfLatLon(List<MappedRow> rows)
    {
        int outside = 0, insideSwapped = 0;
        foreach (var r in rows)
        {
            var (x, y) = Centre(r);
            if (FranceRegions.Locate(x, y) is not null)
                continue;
            outside++;
            if (FranceRegions.Locate(y, x) is not null)
                insideSwapped++;
        }
        if (rows.Count == 0 || insideSwapped * 2 <= rows.Count)
            return;
        foreach (var r in rows)
        {
            if (r.Geometry is { } g)
                r.Geometry = Swapped(g);
            else
                (r.X, r.Y) = (r.Y, r.X);
        }
        log.Warn(0, "geometry", "latlon_swapped", ("swapped", insideSwapped), ("total", rows.Count));
    }

    private static Geometry Swapped(Geometry g)
    {
        var copy = g.Copy();
        copy.Apply(new SwapFilter());
        copy.GeometryChanged();
        return copy;
    }

    private bool KindAllows(Geometry? g) => kind switch
    {
        LayerKind.Estates or LayerKind.Agencies or LayerKind.Candidates => g is null or IPolygonal,
        _ => g is IPolygonal,
    };

    private Message Expected() => Message.Of(kind switch
    {
        LayerKind.Estates => "expected_point_or_polygon",
        LayerKind.Agencies or LayerKind.Candidates => "expected_point",
        _ => "expected_polygon",
    });

    /// <summary>The CRS the registry knows, as « EPSG:2154, EPSG:4326… ».</summary>
    internal static string KnownCrs() => string.Join(", ", CrsRegistry.KnownCodes.Select(c => "EPSG:" + c.ToString(CultureInfo.InvariantCulture)));

    internal static (double X, double Y) Centre(MappedRow r)
    {
        if (r.Geometry is not { } g)
            return (r.X, r.Y);
        var e = g.EnvelopeInternal;
        return ((e.MinX + e.MaxX) / 2, (e.MinY + e.MaxY) / 2);
    }

    private static double Median(IEnumerable<double> values)
    {
        var a = values.ToArray();
        Array.Sort(a);
        return a.Length == 0 ? double.NaN : a[a.Length / 2];
    }

    private sealed class SwapFilter : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var x = seq.GetX(i);
            seq.SetX(i, seq.GetY(i));
            seq.SetY(i, x);
        }
    }
}
