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
    private bool _geographic;
    private bool _swap;
    private bool _zoned;
    private Reprojector? _toLonLat;
    private Reprojector? _toWorking;
    private RegionGrid? _regions;
    private long _placed;

    public int SourceCrs { get; private set; }
    public int WorkingCrs { get; private set; }

    /// <summary>The whole stage over rows held in memory: <see cref="Decide"/>, then <see cref="Place"/> each row.</summary>
    public List<MappedRow> Run(List<MappedRow> rows, int? sourceCrs, int? targetCrs)
    {
        var centres = new List<(double X, double Y)>(rows.Count);
        foreach (var r in rows)
        {
            if (IsFinite(r))
                centres.Add(Centre(r));
        }
        Decide(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(centres), sourceCrs, targetCrs);
        var accepted = new List<MappedRow>(rows.Count);
        foreach (var r in rows)
        {
            ct.ThrowIfCancellationRequested();
            if (Place(r))
                accepted.Add(r);
        }
        if (kind == LayerKind.Communes)
            AreaUnits.Resolve(accepted, log);
        return accepted;
    }

    /// <summary>
    /// The file-level decisions, from the centres of the rows with finite coordinates (source order):
    /// source CRS (given or guessed), metres under a geographic CRS (stops), swapped longitude/latitude
    /// (one warning), working CRS (given or chosen from the median position of the rows in France).
    /// </summary>
    public void Decide(ReadOnlySpan<(double X, double Y)> centres, int? sourceCrs, int? targetCrs)
    {
        SourceCrs = sourceCrs ?? GuessCrs(centres);
        if (!CrsRegistry.IsKnown(SourceCrs))
            throw new ImportException(Message.Of("import_source_crs_unknown", ("file", log.FileName), ("crs", SourceCrs.ToString(CultureInfo.InvariantCulture)), ("known", KnownCrs())));
        _geographic = CrsRegistry.IsGeographic(SourceCrs);
        if (_geographic)
        {
            RefuseMetresAsDegrees(centres);
            _swap = IsLatLon(centres);
        }
        _toLonLat = new Reprojector(SourceCrs, CrsRegistry.Wgs84);
        if (targetCrs is { } target)
            WorkingCrs = target;
        else
        {
            var lons = new List<double>(centres.Length);
            var lats = new List<double>(centres.Length);
            foreach (var c in centres)
            {
                var (x, y) = _swap ? (c.Y, c.X) : c;
                if (_geographic && (Math.Abs(x) > 180 || Math.Abs(y) > 90))
                    continue;
                var (lon, lat) = _geographic ? (x, y) : _toLonLat.Transform(x, y);
                if (double.IsFinite(lon) && double.IsFinite(lat) && FranceRegions.Locate(lon, lat) is not null)
                {
                    lons.Add(lon);
                    lats.Add(lat);
                }
            }
            WorkingCrs = lons.Count == 0 ? CrsRegistry.Lambert93 : Core.Crs.WorkingCrs.ChooseFor(Median(lons), Median(lats));
        }
        _zoned = FranceRegions.All.Any(r => r.WorkingCrs == WorkingCrs);
        _toWorking = new Reprojector(SourceCrs, WorkingCrs);
    }

    /// <summary>
    /// Checks one row against the decisions (finite, in France, in the project's zone, a geometry its layer takes),
    /// reprojects it to the working CRS and repairs its polygons; false when the row is rejected (logged).
    /// </summary>
    public bool Place(MappedRow r)
    {
        if (!IsFinite(r))
        {
            log.Reject(r.Row, "geometry", "coordinate_not_finite");
            return false;
        }
        if (_swap)
        {
            if (r.Geometry is { } sg)
                r.Geometry = Swapped(sg);
            else
                (r.X, r.Y) = (r.Y, r.X);
        }
        var (x, y) = Centre(r);
        if (_geographic && (Math.Abs(x) > 180 || Math.Abs(y) > 90))
        {
            log.Reject(r.Row, "geometry", "degrees_invalid", ("x", x), ("y", y));
            return false;
        }
        // Once a file is seen to be large, most of its rows (in their region's own CRS) are placed without their longitude/latitude.
        if (++_placed == RegionGridRows && !_geographic)
            _regions = RegionGrid.For(SourceCrs, _toLonLat!);
        var region = _regions?.Known(x, y);
        if (region is null)
        {
            var (lon, lat) = _geographic ? (x, y) : _toLonLat!.Transform(x, y);
            region = double.IsFinite(lon) && double.IsFinite(lat) ? FranceRegions.Locate(lon, lat) : null;
            if (region is null)
            {
                log.Reject(r.Row, "geometry", "outside_france", ("lon", lon), ("lat", lat));
                return false;
            }
        }
        if (_zoned && region.WorkingCrs != WorkingCrs)
        {
            log.Reject(r.Row, "geometry", "outside_project_zone", ("where", ImportTexts.Where(region)), ("crs", WorkingCrs.ToString(CultureInfo.InvariantCulture)));
            return false;
        }
        if (!KindAllows(r.Geometry))
        {
            log.Reject(r.Row, "geometry", "geometry_kind_not_allowed", ("geometry", ImportTexts.GeometryType(r.Geometry)), ("layer", ImportTexts.LayerKind(kind)), ("expected", Expected()));
            return false;
        }
        if (r.Geometry is null)
        {
            // Points stay as numbers: writing new objects into long-lived rows would make
            // young-generation GCs scan them; the point is built with the final record.
            (r.X, r.Y) = _toWorking!.Transform(r.X, r.Y);
            return true;
        }
        var g = _toWorking!.Transform(r.Geometry);
        if (g is IPolygonal && !GeometryRepair.TryRepair(ref g, r.Row, log))
            return false;
        if (kind is LayerKind.Agencies or LayerKind.Candidates && g is not Point)
        {
            g = g.Centroid;
            g.SRID = WorkingCrs;
            log.Warn(r.Row, "geometry", "polygon_centroid");
        }
        r.Geometry = g;
        return true;
    }

    /// <summary>The rows placed through their longitude/latitude before the grid is made (it costs about 4,000 positions).</summary>
    private const int RegionGridRows = 20_000;

    /// <summary>True when every coordinate of the row is a finite number.</summary>
    public static bool IsFinite(MappedRow r) => r.Geometry is { } g
        ? g.Coordinates.All(c => double.IsFinite(c.X) && double.IsFinite(c.Y))
        : double.IsFinite(r.X) && double.IsFinite(r.Y);

    private int GuessCrs(ReadOnlySpan<(double X, double Y)> centres)
    {
        if (centres.Length == 0)
            return CrsRegistry.Wgs84;
        var xs = new double[centres.Length];
        var ys = new double[centres.Length];
        for (var i = 0; i < centres.Length; i++)
            (xs[i], ys[i]) = centres[i];
        var x = Median(xs);
        var y = Median(ys);
        if (Math.Abs(x) <= 180 && Math.Abs(y) <= 90)
            return CrsRegistry.Wgs84;
        if (x is > 0 and < 1_300_000 && y is > 6_000_000 and < 7_200_000)
            return CrsRegistry.Lambert93;
        throw new ImportException(Message.Of("import_crs_undetectable", ("file", log.FileName), ("x", x), ("y", y)));
    }

    private void RefuseMetresAsDegrees(ReadOnlySpan<(double X, double Y)> centres)
    {
        var outOfRange = 0;
        (double X, double Y)? example = null;
        foreach (var (x, y) in centres)
        {
            if (Math.Abs(x) <= 180 && Math.Abs(y) <= 90)
                continue;
            outOfRange++;
            example ??= (x, y);
        }
        if (centres.Length > 0 && outOfRange * 2 > centres.Length)
        {
            var (x, y) = example!.Value;
            throw new ImportException(Message.Of("import_metres_as_degrees", ("file", log.FileName), ("count", outOfRange), ("total", centres.Length),
                ("x", x), ("y", y), ("crs", CrsRegistry.NameOf(SourceCrs))));
        }
    }

    private bool IsLatLon(ReadOnlySpan<(double X, double Y)> centres)
    {
        var insideSwapped = 0;
        foreach (var (x, y) in centres)
        {
            if (FranceRegions.Locate(x, y) is null && FranceRegions.Locate(y, x) is not null)
                insideSwapped++;
        }
        if (centres.Length == 0 || insideSwapped * 2 <= centres.Length)
            return false;
        log.Warn(0, "geometry", "latlon_swapped", ("swapped", insideSwapped), ("total", centres.Length));
        return true;
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

    private static double Median(List<double> values) => Median(values.ToArray());

    private static double Median(double[] a)
    {
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
