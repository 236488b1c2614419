using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.Core.Messages;
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
        _arrondissement = map[TargetFields.Arrondissement], _city = map[TargetFields.City],
        _urbanArea = map[TargetFields.UrbanArea], _urbanAreaPopulation = map[TargetFields.UrbanAreaPopulation],
        _capacity = map[TargetFields.Capacity], _cost = map[TargetFields.YearlyCost];
    private readonly int _xColumn = geometrySource == GeometrySource.LonLat ? map[TargetFields.Longitude] : map[TargetFields.X];
    private readonly int _yColumn = geometrySource == GeometrySource.LonLat ? map[TargetFields.Latitude] : map[TargetFields.Y];
    private readonly bool _hasId = map.Has(TargetFields.Id);
    // A building type column takes a handful of values (C, I, collectif…): each read once, not once per row.
    private readonly Dictionary<string, HousingKind> _housingKinds = new(StringComparer.Ordinal);
    public MappedRow? Map(ISourceRecord r)
    {
        if (r.RowError is { } error)
        {
            log.Reject(r.Row, r.RowErrorField, error);
            return null;
        }
        if (!ReadGeometry(r, out var geometry, out var x, out var y))
            return null;

        var id = Text(r, _id);
        if (id is null)
        {
            id = GeneratedId(r.Row);
            if (_hasId)
                log.Warn(r.Row, TargetFields.Id, "id_empty_generated", ("id", id));
        }

        int dwellings = 0;
        if (kind == LayerKind.Estates && !TryDwellings(r, out dwellings))
            return null;

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
            Housing = housing is null ? HousingKind.Unknown : HousingOf(housing),
            ConstructionYear = Int(r, _year, TargetFields.ConstructionYear),
            CommuneCode = CommuneCode(Text(r, _commune)) ?? ArrondissementCode(Text(r, _arrondissement), Text(r, _city)),
            QpvCode = Text(r, _qpv),
            AgencyId = Text(r, _agency),
            KindLabel = kind == LayerKind.Agencies ? Text(r, _kind) : null,
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
            SiteKind = kind == LayerKind.Candidates ? Text(r, _kind) : null,
            Capacity = Int(r, _capacity, TargetFields.Capacity),
            YearlyCost = Double(r, _cost, TargetFields.YearlyCost),
        };
    }

    private HousingKind HousingOf(string label)
    {
        if (_housingKinds.TryGetValue(label, out var known))
            return known;
        var housing = Labels.HousingOf(label);
        if (_housingKinds.Count < 256)
            _housingKinds[label] = housing;
        return housing;
    }

    private bool TryDwellings(ISourceRecord r, out int dwellings)
    {
        dwellings = 0;
        var col = _dwellings;
        if (!r.TryGetDouble(col, out var d, out var present))
        {
            if (present)
                log.Reject(r.Row, TargetFields.Dwellings, "dwellings_not_number", ("value", r.GetString(col)));
            else
                log.Reject(r.Row, TargetFields.Dwellings, "dwellings_missing");
            return false;
        }
        if (d <= 0 || d != Math.Floor(d) || d > int.MaxValue)
        {
            log.Reject(r.Row, TargetFields.Dwellings, "dwellings_not_positive", ("value", d));
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
                if (r.TryGetPoint(out x, out y))
                    return true;
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
                    log.Reject(r.Row, "geometry", "wkt_unreadable", ("value", Shorten(text)));
                    return false;
                }
                break;
            default:
                var okX = r.TryGetDouble(_xColumn, out x, out var hasX);
                var okY = r.TryGetDouble(_yColumn, out y, out var hasY);
                if (!hasX && !hasY)
                {
                    log.Reject(r.Row, "geometry", "coordinates_empty");
                    return false;
                }
                if (!okX || !okY)
                {
                    var (f, col) = geometrySource == GeometrySource.LonLat
                        ? (!okX ? (TargetFields.Longitude, _xColumn) : (TargetFields.Latitude, _yColumn))
                        : (!okX ? (TargetFields.X, _xColumn) : (TargetFields.Y, _yColumn));
                    log.Reject(r.Row, f, "coordinate_not_number", ("field", FieldLabel(f)), ("value", r.GetString(col)));
                    return false;
                }
                return true;
        }
        if (g is null || g.IsEmpty)
        {
            log.Reject(r.Row, "geometry", "geometry_missing");
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
            log.Warn(r.Row, target, "value_not_number_left_empty", ("field", FieldLabel(target)), ("value", r.GetString(col)));
        return null;
    }

    private int? Int(ISourceRecord r, int col, string target)
    {
        var d = Double(r, col, target);
        if (d is null)
            return null;
        if (d != Math.Floor(d.Value) || Math.Abs(d.Value) > int.MaxValue)
        {
            log.Warn(r.Row, target, "value_not_whole_left_empty", ("field", FieldLabel(target)), ("value", d.Value));
            return null;
        }
        return (int)d.Value;
    }

    // INSEE codes lose their leading zero in spreadsheets (1033 for 01033).
    private static string? CommuneCode(string? code) =>
        code is { Length: 4 } && code.All(char.IsAsciiDigit) ? "0" + code : code;

    /// <summary>
    /// The INSEE code of an arrondissement of Paris (75101–75120), Lyon (69381–69389) or Marseille (13201–13216)
    /// from its number and the city's name; null for any other city or number.
    /// </summary>
    internal static string? ArrondissementCode(string? number, string? city)
    {
        if (number is null || city is null || !int.TryParse(number.Split('.')[0], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
            return null;
        return ColumnNames.Normalize(city) switch
        {
            "paris" when n is >= 1 and <= 20 => $"751{n:00}",
            "lyon" when n is >= 1 and <= 9 => $"6938{n}",
            "marseille" when n is >= 1 and <= 16 => $"132{n:00}",
            _ => null,
        };
    }

    /// <summary>The id given to a row without one (« ligne-12 »).</summary>
    internal static string GeneratedId(long row) => $"ligne-{row}";

    /// <summary>The field's name as a message, so the report says « année de construction » in French.</summary>
    private static Message FieldLabel(string target) => Message.Of("field_" + target);

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
