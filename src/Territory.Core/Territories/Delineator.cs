using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Territory.Core.Analysis;
using Territory.Core.Indicators;

namespace Territory.Core.Territories;

/// <summary>Cuts the located estates into territories according to <see cref="DelineationMode"/>.</summary>
internal static class Delineator
{
    /// <summary>Buffer (metres) around estate hulls so that a catchment of one point is still a drawable polygon.</summary>
    private const double HullBufferMeters = 250;

    public static List<TerritoryUnit> Build(AnalysisContext ctx, IReadOnlyList<EstateFacts> facts) => ctx.Input.Delineation switch
    {
        DelineationMode.Sectors => BySectors(ctx, facts),
        DelineationMode.AgencyCatchment => ByCatchment(ctx, facts),
        _ => ByCommuneAndQpv(ctx, facts),
    };

    private static List<TerritoryUnit> ByCommuneAndQpv(AnalysisContext ctx, IReadOnlyList<EstateFacts> facts)
    {
        var units = new List<TerritoryUnit>();
        foreach (var byCommune in facts.GroupBy(f => f.CommuneCode ?? "").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var code = byCommune.Key;
            var commune = ctx.CommunesByCode.GetValueOrDefault(code);
            var communeName = commune?.Name ?? (code.Length > 0 ? code : "Commune inconnue");
            var qpvGroups = byCommune.Where(f => f.QpvCode is not null)
                .GroupBy(f => f.QpvCode!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            var ordinary = byCommune.Where(f => f.QpvCode is null).ToList();
            if (ordinary.Count > 0)
            {
                Geometry geometry;
                var approximate = false;
                if (commune is not null)
                {
                    geometry = commune.Geometry;
                    foreach (var g in qpvGroups)
                    {
                        if (ctx.DistrictsByCode.TryGetValue(g.Key, out var d))
                            geometry = SafeDifference(geometry, d.Geometry);
                    }
                }
                else
                {
                    geometry = Hull(ordinary);
                    approximate = true;
                }
                var id = code.Length > 0 ? code : "commune-inconnue";
                var kind = code.Length > 0 ? TerritoryKind.Commune : TerritoryKind.Unassigned;
                units.Add(new TerritoryUnit(id, communeName, kind, geometry, code.Length > 0 ? code : null, null, ordinary, approximate));
            }
            foreach (var g in qpvGroups)
            {
                var estates = g.ToList();
                var district = ctx.DistrictsByCode.GetValueOrDefault(g.Key);
                Geometry geometry;
                var approximate = false;
                if (district is null)
                {
                    geometry = Hull(estates);
                    approximate = true;
                }
                else
                {
                    geometry = commune is null ? district.Geometry : SafeIntersection(district.Geometry, commune.Geometry);
                    if (geometry.IsEmpty) geometry = district.Geometry;
                }
                var qpvName = district?.Name ?? g.Key;
                var prefix = code.Length > 0 ? code : "commune-inconnue";
                units.Add(new TerritoryUnit($"{prefix}-{g.Key}", $"{qpvName} ({communeName})", TerritoryKind.QpvPart,
                    geometry, code.Length > 0 ? code : null, g.Key, estates, approximate));
            }
        }
        return units;
    }

    private static List<TerritoryUnit> BySectors(AnalysisContext ctx, IReadOnlyList<EstateFacts> facts)
    {
        var sectors = ctx.Input.Sectors ?? [];
        var prepared = sectors.Select(s => PreparedGeometryFactory.Prepare(s.Polygon)).ToList();
        var members = sectors.Select(_ => new List<EstateFacts>()).ToList();
        var outside = new List<EstateFacts>();
        foreach (var f in facts)
        {
            var i = prepared.FindIndex(p => p.Covers(f.Location));
            if (i >= 0) members[i].Add(f);
            else outside.Add(f);
        }
        var units = new List<TerritoryUnit>();
        for (var i = 0; i < sectors.Count; i++)
        {
            if (members[i].Count == 0) continue;
            units.Add(new TerritoryUnit(sectors[i].Id, sectors[i].Name, TerritoryKind.Sector, sectors[i].Polygon,
                DominantCommune(members[i]), null, members[i]));
        }
        if (outside.Count > 0)
            units.Add(new TerritoryUnit("hors-secteur", "Hors secteur", TerritoryKind.Unassigned, Hull(outside),
                DominantCommune(outside), null, outside, true));
        return units;
    }

    private static List<TerritoryUnit> ByCatchment(AnalysisContext ctx, IReadOnlyList<EstateFacts> facts)
    {
        var units = new List<TerritoryUnit>();
        foreach (var g in facts.GroupBy(f => f.OriginAgencyId ?? "").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var estates = g.ToList();
            var agency = ctx.AgenciesById.GetValueOrDefault(g.Key);
            var id = g.Key.Length > 0 ? g.Key : "sans-agence";
            var name = agency?.Name ?? (g.Key.Length > 0 ? g.Key : "Sans agence");
            var kind = g.Key.Length > 0 ? TerritoryKind.AgencyCatchment : TerritoryKind.Unassigned;
            units.Add(new TerritoryUnit(id, name, kind, Hull(estates), DominantCommune(estates), null, estates, true));
        }
        return units;
    }

    /// <summary>Commune holding most dwellings of a set of estates (for density and population).</summary>
    internal static string? DominantCommune(IEnumerable<EstateFacts> estates) =>
        estates.Where(f => f.CommuneCode is not null)
            .GroupBy(f => f.CommuneCode!)
            .OrderByDescending(g => g.Sum(f => f.Estate.Dwellings)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();

    internal static Geometry Hull(IReadOnlyList<EstateFacts> estates)
    {
        var factory = estates[0].Estate.Geometry.Factory;
        var all = factory.BuildGeometry(estates.Select(f => f.Estate.Geometry).ToList());
        return all.ConvexHull().Buffer(HullBufferMeters, 4);
    }

    private static Geometry SafeDifference(Geometry a, Geometry b)
    {
        try { return a.Difference(b); }
        catch (TopologyException) { return a; }
    }

    private static Geometry SafeIntersection(Geometry a, Geometry b)
    {
        try { return a.Intersection(b); }
        catch (TopologyException) { return a; }
    }
}
