using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>Decides the unit of a commune area column.</summary>
/// <remarks>
/// Rule: a column named with its unit (<c>superficie_km2</c>, <c>superficie_hectare</c>,
/// <c>surface_m2</c>) would be clearest, but the mapping stage keeps only values, so the unit is
/// decided per file from the data: the median ratio between the given values and the polygon
/// areas (computed in the projected working CRS) picks m² (ratio ≈ 1,000,000), ha (≈ 100) or km²
/// (≈ 1), whichever is nearest on a log scale. The choice is reported once as a file-level warning
/// when it is not km².
/// </remarks>
internal static class AreaUnits
{
    public static void Resolve(List<MappedRow> rows, ImportLog log)
    {
        var ratios = rows
            .Where(r => r.RawArea is > 0 && r.Geometry?.Area > 0)
            .Select(r => Math.Log10(r.RawArea!.Value / (r.Geometry!.Area / 1e6)))
            .Order()
            .ToArray();
        if (ratios.Length == 0)
        {
            foreach (var r in rows)
                r.AreaKm2 = r.RawArea;
            return;
        }
        var median = ratios[ratios.Length / 2];
        var (divisor, unit) = median switch
        {
            > 4 => (1e6, "m²"),
            > 1 => (100.0, "ha"),
            _ => (1.0, "km²"),
        };
        foreach (var r in rows)
            r.AreaKm2 = r.RawArea / divisor;
        if (divisor != 1)
            log.Warn(0, TargetFields.Area, "area_unit_converted", ("unit", unit));
    }
}
