using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>Turns source records into <see cref="MappedRow"/>s, rejecting rows whose attributes are unusable.</summary>
internal sealed class RowMapper(LayerKind kind, FieldMapping map, GeometrySource geometrySource, ImportLog log)
{
    private readonly WKTReader _wkt = new();
    // Column indexes resolved once: this runs a million times for a large CSV.
    private readonly int _id = map[TargetFields.Id], _name = map[TargetFields.Name], _landlord = map[TargetFields.Landlord],
        _dwellings = map[TargetFields.Dwellings], _housing = map[TargetFields.Housing], _year = map[TargetFields.ConstructionYear],
        _commune = map[TargetFields.CommuneCode], _qpv = map[TargetFields.QpvCode], _agency = map[TargetFields.AgencyId],
        _kind = map[TargetFields.Kind], _staff = map[TargetFields.Staff], _siteStaff = map[TargetFields.SiteStaff],
        _accueil = map[TargetFields.Accueil], _perimeter = map[TargetFields.PerimeterModel], _population = map[TargetFields.Population],
        _area = map[TargetFields.Area], _density = map[TargetFields.DensityLevel], _wktColumn = map[TargetFields.Wkt],
        _urbanArea = map[TargetFields.UrbanArea], _urbanAreaPopulation = map[TargetFields.UrbanAreaPopulation],
        _capacity = map[TargetFields.Capacity], _cost = map[TargetFields.YearlyCost];
    private readonly int _xColumn = geometrySource == GeometrySource.LonLat ? map[TargetFields.Longitude] : map[TargetFields.X];
    private readonly int _yColumn = geometrySource == GeometrySource.LonLat ? map[TargetFields.Latitude] : map[TargetFields.Y];
    private readonly bool _hasId = map.Has(TargetFields.Id);
    private readonly HashSet<string> _unknownKinds = new(StringComparer.Ordinal);

    /// <summary>Labels of agency kinds that were not recognised (mapped to « agence »).</summary>
    public IReadOnlyCollection<string> UnknownKinds => _unknownKinds;

    public MappedRow? Map(ISourceRecord r)
    {
        if (r.RowError is { } error)
        {
            log.Reject(r.Row, r.Geometry is null && error.Contains("geometry", StringComparison.Ordinal) ? "geometry" : null, error);
            return null;
        }
        if (!ReadGeometry(r, out var geometry, out var x, out var y))
            return null;

        var id = Text(r, _id);
        if (id is null)
        {
            id = $"row-{r.Row}";
            if (_hasId)
                log.Warn(r.Row, TargetFields.Id, $"empty id, '{id}' generated");
        }

        int dwellings = 0;
        if (kind == LayerKind.Estates && !TryDwellings(r, out dwellings))
            return null;

        var kindLabel = Text(r, _kind);
        var agencyKind = AgencyKind.Agence;
        if (kindLabel is not null && kind != LayerKind.Candidates)
        {
            if (Labels.AgencyKindOf(kindLabel) is { } k)
                agencyKind = k;
            else
                _unknownKinds.Add(kindLabel);
        }

        var accueil = Text(r, _accueil);
        var housing = Text(r, _housing);
        return new MappedRow
        {
            Row = r.Row,
            Geometry = geometry,
            X = x,
            Y = y,
            Id = id,
            Name = Text(r, _name),
            Landlord = Text(r, _landlord),
            Dwellings = dwellings,
            Housing = housing is null ? HousingKind.Unknown : Labels.HousingOf(housing),
            ConstructionYear = Int(r, _year, TargetFields.ConstructionYear),
            CommuneCode = CommuneCode(Text(r, _commune)),
            QpvCode = Text(r, _qpv),
            AgencyId = Text(r, _agency),
            AgencyKind = agencyKind,
            Staff = Int(r, _staff, TargetFields.Staff),
            SiteStaff = kind == LayerKind.Estates ? null : Int(r, _siteStaff, TargetFields.SiteStaff),
            SiteStaffFte = kind == LayerKind.Estates ? Double(r, _siteStaff, TargetFields.SiteStaff) : null,
            UrbanArea = Text(r, _urbanArea),
            UrbanAreaPopulation = Int(r, _urbanAreaPopulation, TargetFields.UrbanAreaPopulation),
            Accueil = accueil is null ? AccueilModes.None : Labels.AccueilOf(accueil),
            PerimeterModel = Int(r, _perimeter, TargetFields.PerimeterModel),
            Population = Int(r, _population, TargetFields.Population),
            RawArea = Double(r, _area, TargetFields.Area),
            DensityLevel = Int(r, _density, TargetFields.DensityLevel),
            SiteKind = kind == LayerKind.Candidates ? kindLabel : null,
            Capacity = Int(r, _capacity, TargetFields.Capacity),
            YearlyCost = Double(r, _cost, TargetFields.YearlyCost),
        };
    }

    private bool TryDwellings(ISourceRecord r, out int dwellings)
    {
        dwellings = 0;
        var col = _dwellings;
        if (!r.TryGetDouble(col, out var d, out var present))
        {
            log.Reject(r.Row, TargetFields.Dwellings, present ? $"dwellings '{r.GetString(col)}' is not a number" : "dwellings missing");
            return false;
        }
        if (d <= 0 || d != Math.Floor(d) || d > int.MaxValue)
        {
            log.Reject(r.Row, TargetFields.Dwellings, $"dwellings {d.ToString(CultureInfo.InvariantCulture)} is not a positive whole number");
            return false;
        }
        dwellings = (int)d;
        return true;
    }

    /// <summary>Reads the geometry: a point as <paramref name="x"/>/<paramref name="y"/> (null geometry), anything else as a geometry.</summary>
    private bool ReadGeometry(ISourceRecord r, out Geometry? geometry, out double x, out double y)
    {
        geometry = null;
        x = y = double.NaN;
        Geometry? g;
        switch (geometrySource)
        {
            case GeometrySource.Native:
                g = r.Geometry;
                break;
            case GeometrySource.Wkt:
                var text = r.GetString(_wktColumn);
                if (string.IsNullOrWhiteSpace(text))
                {
                    g = null;
                    break;
                }
                try
                {
                    g = _wkt.Read(text);
                }
                catch (Exception e) when (e is ParseException or ArgumentException or FormatException)
                {
                    log.Reject(r.Row, "geometry", $"WKT '{Shorten(text)}' is not readable");
                    return false;
                }
                break;
            default:
                var okX = r.TryGetDouble(_xColumn, out x, out var hasX);
                var okY = r.TryGetDouble(_yColumn, out y, out var hasY);
                if (!hasX && !hasY)
                {
                    log.Reject(r.Row, "geometry", "no geometry (coordinates empty)");
                    return false;
                }
                if (!okX || !okY)
                {
                    var (f, col) = geometrySource == GeometrySource.LonLat
                        ? (!okX ? (TargetFields.Longitude, _xColumn) : (TargetFields.Latitude, _yColumn))
                        : (!okX ? (TargetFields.X, _xColumn) : (TargetFields.Y, _yColumn));
                    log.Reject(r.Row, f, $"coordinate {f} '{r.GetString(col)}' is not a number");
                    return false;
                }
                return true;
        }
        if (g is null || g.IsEmpty)
        {
            log.Reject(r.Row, "geometry", "no geometry (null or empty)");
            return false;
        }
        if (g is Point p)
        {
            (x, y) = (p.X, p.Y);
            return true;
        }
        geometry = g;
        return true;
    }

    private static string? Text(ISourceRecord r, int col)
    {
        if (col < 0)
            return null;
        var s = r.GetString(col)?.Trim();
        return string.IsNullOrEmpty(s) ? null : s;
    }

    private double? Double(ISourceRecord r, int col, string target)
    {
        if (col < 0)
            return null;
        if (r.TryGetDouble(col, out var d, out var present) && double.IsFinite(d))
            return d;
        if (present)
            log.Warn(r.Row, target, $"{target} '{r.GetString(col)}' is not a number, left empty");
        return null;
    }

    private int? Int(ISourceRecord r, int col, string target)
    {
        var d = Double(r, col, target);
        if (d is null)
            return null;
        if (d != Math.Floor(d.Value) || Math.Abs(d.Value) > int.MaxValue)
        {
            log.Warn(r.Row, target, $"{target} {d.Value.ToString(CultureInfo.InvariantCulture)} is not a whole number, left empty");
            return null;
        }
        return (int)d.Value;
    }

    // INSEE codes lose their leading zero in spreadsheets (1033 for 01033).
    private static string? CommuneCode(string? code) =>
        code is { Length: 4 } && code.All(char.IsAsciiDigit) ? "0" + code : code;

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
