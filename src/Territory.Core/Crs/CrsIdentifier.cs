using System.Globalization;
using System.Text.RegularExpressions;

namespace Territory.Core.Crs;

/// <summary>Turns the ways files name a CRS (EPSG strings, OGC URNs, <c>.prj</c> WKT) into EPSG codes.</summary>
public static partial class CrsIdentifier
{
    /// <summary>
    /// Parses <c>EPSG:2154</c>, <c>2154</c>, <c>urn:ogc:def:crs:EPSG::2154</c>,
    /// <c>http://www.opengis.net/def/crs/EPSG/0/2154</c> or <c>urn:ogc:def:crs:OGC:1.3:CRS84</c> (→ 4326).
    /// </summary>
    /// <returns>The EPSG code, or null when the text names no EPSG code.</returns>
    public static int? ParseName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var t = text.Trim();
        if (t.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase) || t.Equals("WGS84", StringComparison.OrdinalIgnoreCase))
            return CrsRegistry.Wgs84;
        var m = TrailingCode().Match(t);
        if (!m.Success)
            return null;
        var prefix = t[..m.Index];
        if (prefix.Length > 0 && !prefix.Contains("EPSG", StringComparison.OrdinalIgnoreCase))
            return null;
        return int.Parse(m.Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Recognises a known CRS from WKT (a <c>.prj</c> file or a GeoPackage definition).</summary>
    /// <remarks>
    /// An <c>AUTHORITY["EPSG",…]</c> on the outer system wins; otherwise the WKT content decides:
    /// Lambert-93 (LCC 2SP, parallels 49/44, false northing 6,600,000), Lambert II étendu
    /// (LCC 1SP, false northing 2,200,000), the overseas UTM zones 20N/22N/40S/38S on
    /// RGAF09/RGFG95/RGR92/RGM04 (or WGS 84), and geographic WGS 84/RGF93.
    /// </remarks>
    /// <returns>The EPSG code, or null when the WKT is not one Territory knows.</returns>
    public static int? FromWkt(string? wkt)
    {
        if (string.IsNullOrWhiteSpace(wkt))
            return null;
        var w = wkt.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var outer = OuterAuthority().Match(w);
        if (outer.Success)
        {
            var code = int.Parse(outer.Groups[1].Value, CultureInfo.InvariantCulture);
            if (CrsRegistry.IsKnown(code))
                return code;
        }
        if (w.StartsWith("GEOGCS", StringComparison.Ordinal) || w.StartsWith("GEOGCRS", StringComparison.Ordinal))
            return w.Contains("WGS", StringComparison.Ordinal) || w.Contains("RGF", StringComparison.Ordinal) || w.Contains("GRS", StringComparison.Ordinal)
                ? CrsRegistry.Wgs84 : null;
        if (w.Contains("LAMBERT", StringComparison.Ordinal) || w.Contains("CONIC", StringComparison.Ordinal))
        {
            if (w.Contains("6600000", StringComparison.Ordinal) && w.Contains("49", StringComparison.Ordinal))
                return CrsRegistry.Lambert93;
            if (w.Contains("2200000", StringComparison.Ordinal))
                return CrsRegistry.Lambert2Etendu;
            return null;
        }
        if (w.Contains("MERCATOR", StringComparison.Ordinal))
        {
            if (w.Contains("ZONE20N", StringComparison.Ordinal) || w.Contains("\"CENTRAL_MERIDIAN\",-63", StringComparison.Ordinal))
                return 5490;
            if (w.Contains("ZONE22N", StringComparison.Ordinal) || w.Contains("\"CENTRAL_MERIDIAN\",-51", StringComparison.Ordinal))
                return 2972;
            if (w.Contains("ZONE40S", StringComparison.Ordinal) || w.Contains("\"CENTRAL_MERIDIAN\",57", StringComparison.Ordinal))
                return 2975;
            if (w.Contains("ZONE38S", StringComparison.Ordinal) || w.Contains("\"CENTRAL_MERIDIAN\",45", StringComparison.Ordinal))
                return 4471;
        }
        return null;
    }

    [GeneratedRegex(@"\d{4,6}$")]
    private static partial Regex TrailingCode();

    // The last AUTHORITY of a WKT1 string belongs to the outermost system.
    [GeneratedRegex(@"AUTHORITY\[""EPSG"",""?(\d+)""?\]\]$")]
    private static partial Regex OuterAuthority();
}
