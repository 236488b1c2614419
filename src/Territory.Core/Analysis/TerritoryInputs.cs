using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using NetTopologySuite.Geometries;
using Territory.Core.Caretaking;
using Territory.Core.Indicators;
using Territory.Core.Model;
using Territory.Core.Territories;

namespace Territory.Core.Analysis;

/// <summary>
/// A fingerprint of what a territory's indicators, type and plan read that a change of presence points can alter:
/// its estates' travel facts and site staff, the nearest point of each kind of each of them, their caretaking
/// ensembles, the points (of any landlord) inside the territory or its QPV and the points those facts name.
/// </summary>
/// <remarks>
/// Only compared between two analyses of the very same estates, communes, QPV and configuration (a scenario's edit):
/// what depends on those alone is the same by construction. The site staff an office allots over its estates
/// (<c>SitePool</c>) is compared apart, after the allotment.
/// </remarks>
internal static class TerritoryInputs
{
    public static string Of(TerritoryUnit unit, CaretakingSummary caretaking, IReadOnlyDictionary<string, List<PresenceAccess>> nearest,
        IReadOnlyDictionary<string, Agency> points, IReadOnlyList<Agency> allPoints, Geometry? district)
    {
        var text = _text ??= new StringBuilder(1 << 16);
        text.Clear();
        var named = new SortedSet<string>(StringComparer.Ordinal);
        text.Append(unit.Id).Append('\n');
        foreach (var f in unit.Estates)
        {
            text.Append(f.Estate.Id).Append('|').Append(f.OriginAgencyId).Append('|').AppendBits(f.TravelSeconds).Append('|').Append(f.TravelEstimated)
                .Append('|').AppendBits(f.SiteAgents).Append('|').Append(f.ManagingOfficeId).Append('\n');
            Name(named, f.OriginAgencyId);
            Name(named, f.ManagingOfficeId);
            if (nearest.TryGetValue(f.Estate.Id, out var reach))
                foreach (var r in reach)
                {
                    text.Append(' ').Append((int)r.Kind).Append(':').Append(r.AgencyId).Append(':').AppendBits(r.DurationSeconds).Append(':').Append(r.Estimated).Append('\n');
                    Name(named, r.AgencyId);
                }
            if (caretaking.EnsembleOf(f.Estate.Id) is { } e)
                text.Append(' ').Append(e.Id).Append(':').Append((int)e.Status).Append(':').AppendBits(e.RequiredFte).Append(':').AppendBits(e.DeclaredFte)
                    .Append(':').AppendBits(e.AgencyCoverFte).Append(':').Append(e.AgencyId).Append(':').Append(e.Ground.Code).Append('\n');
        }
        var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(unit.Geometry);
        foreach (var a in allPoints)
            if (prepared.Covers(a.Location) || (district is not null && district.Covers(a.Location)))
                named.Add(a.Id);
        foreach (var id in named)
            if (points.TryGetValue(id, out var a))
                text.Append("P ").Append(a.Id).Append('|').Append(a.Name).Append('|').Append(a.Kind).Append('|').Append(a.Landlord).Append('|')
                    .AppendBits(a.Location.X).Append(',').AppendBits(a.Location.Y).Append('|').Append(a.Staff).Append('|').Append(a.SiteStaff).Append('|')
                    .Append(a.Accueil).Append('|').Append(a.PerimeterModel).Append('\n');
            else
                text.Append("P ").Append(id).Append(" absent\n");
        // The text's UTF-16 chunks hashed as they are: no copy, no encoding.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var chunk in text.GetChunks())
            hash.AppendData(MemoryMarshal.AsBytes(chunk.Span));
        if (text.Capacity > 1 << 20)
            _text = null;   // a very large territory's text is not kept for the next one
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>One text per thread, reused from territory to territory.</summary>
    [ThreadStatic]
    private static StringBuilder? _text;

    private static void Name(SortedSet<string> named, string? id)
    {
        if (id is not null)
            named.Add(id);
    }

}
