using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>Turns source records into <see cref="MappedRow"/>s, rejecting rows whose attributes are unusable.</summary>
internal sealed class RowMapper(LayerKind kind, FieldMapping map, GeometrySource geometrySource, ImportLog log)
{
    private static readonly GeometryFactory Factory = new();
    private readonly WKTReader _wkt = new();
    private readonly HashSet<string> _unknownKinds = new(StringComparer.Ordinal);

    /// <summary>Labels of agency kinds that were not recognised (mapped to « agence »).</summary>
    public IReadOnlyCollection<string> UnknownKinds => _unknownKinds;

    public MappedRow? Map(ISourceRecord r)
    {
        if (r.RowError is { } error)
        {
            log.Reject(r.Row, null, error);
            return null;
        }
        var geometry = ReadGeometry(r);
        if (geometry is null)
            return null;

        var id = Text(r, TargetFields.Id);
        if (id is null)
        {
            id = $"row-{r.Row}";
            if (map.Has(TargetFields.Id))
                log.Warn(r.Row, TargetFields.Id, $"empty id, '{id}' generated");
        }

        int dwellings = 0;
        if (kind == LayerKind.Estates && !TryDwellings(r, out dwellings))
            return null;

        var kindLabel = Text(r, TargetFields.Kind);
        var agencyKind = AgencyKind.Agence;
        if (kindLabel is not null)
        {
            if (Labels.AgencyKindOf(kindLabel) is { } k)
                agencyKind = k;
            else
                _unknownKinds.Add(kindLabel);
        }

        var accueil = Text(r, TargetFields.Accueil);
        var housing = Text(r, TargetFields.Housing);
        return new MappedRow
        {
            Row = r.Row,
            Geometry = geometry,
            Id = id,
            Name = Text(r, TargetFields.Name),
            Landlord = Text(r, TargetFields.Landlord),
            Dwellings = dwellings,
            Housing = housing is null ? HousingKind.Unknown : Labels.HousingOf(housing),
            ConstructionYear = Int(r, TargetFields.ConstructionYear),
            CommuneCode = CommuneCode(Text(r, TargetFields.CommuneCode)),
            QpvCode = Text(r, TargetFields.QpvCode),
            AgencyId = Text(r, TargetFields.AgencyId),
            AgencyKind = agencyKind,
            Staff = Int(r, TargetFields.Staff),
            SiteStaff = Int(r, TargetFields.SiteStaff),
            Accueil = accueil is null ? AccueilModes.None : Labels.AccueilOf(accueil),
            PerimeterModel = Int(r, TargetFields.PerimeterModel),
            Population = Int(r, TargetFields.Population),
            RawArea = Double(r, TargetFields.Area),
            DensityLevel = Int(r, TargetFields.DensityLevel),
        };
    }

    private bool TryDwellings(ISourceRecord r, out int dwellings)
    {
        dwellings = 0;
        var col = map[TargetFields.Dwellings];
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

    private Geometry? ReadGeometry(ISourceRecord r)
    {
        Geometry? g;
        switch (geometrySource)
        {
            case GeometrySource.Native:
                g = r.Geometry;
                break;
            case GeometrySource.Wkt:
                var text = r.GetString(map[TargetFields.Wkt]);
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
                    return null;
                }
                break;
            default:
                var (xf, yf) = geometrySource == GeometrySource.LonLat ? (TargetFields.Longitude, TargetFields.Latitude) : (TargetFields.X, TargetFields.Y);
                var okX = r.TryGetDouble(map[xf], out var x, out var hasX);
                var okY = r.TryGetDouble(map[yf], out var y, out var hasY);
                if (!hasX && !hasY)
                {
                    g = null;
                    break;
                }
                if (!okX || !okY)
                {
                    var (f, v) = !okX ? (xf, r.GetString(map[xf])) : (yf, r.GetString(map[yf]));
                    log.Reject(r.Row, f, $"coordinate {f} '{v}' is not a number");
                    return null;
                }
                g = Factory.CreatePoint(new Coordinate(x, y));
                break;
        }
        if (g is null || g.IsEmpty)
        {
            log.Reject(r.Row, "geometry", "no geometry (null or empty)");
            return null;
        }
        return g;
    }

    private string? Text(ISourceRecord r, string target)
    {
        var col = map[target];
        if (col < 0)
            return null;
        var s = r.GetString(col)?.Trim();
        return string.IsNullOrEmpty(s) ? null : s;
    }

    private double? Double(ISourceRecord r, string target)
    {
        var col = map[target];
        if (col < 0)
            return null;
        if (r.TryGetDouble(col, out var d, out var present) && double.IsFinite(d))
            return d;
        if (present)
            log.Warn(r.Row, target, $"{target} '{r.GetString(col)}' is not a number, left empty");
        return null;
    }

    private int? Int(ISourceRecord r, string target)
    {
        var d = Double(r, target);
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
