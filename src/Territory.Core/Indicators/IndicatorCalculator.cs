using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Territory.Core.Analysis;
using Territory.Core.Territories;

namespace Territory.Core.Indicators;

/// <summary>Computes <see cref="TerritoryIndicators"/> for a delineated territory.</summary>
internal static class IndicatorCalculator
{
    public static TerritoryIndicators Compute(TerritoryUnit unit, AnalysisContext ctx)
    {
        var estates = unit.Estates;
        var dwellings = estates.Sum(f => f.Estate.Dwellings);
        var known = estates.Where(f => f.HousingKnown).Sum(f => f.Estate.Dwellings);
        var collective = estates.Sum(f => f.CollectiveDwellings);
        var communeCode = unit.CommuneCode ?? Delineator.DominantCommune(estates);
        var density = ctx.DensityOf(communeCode);

        long? population;
        if (unit.Kind is TerritoryKind.Commune or TerritoryKind.QpvPart)
            population = communeCode is not null ? ctx.CommunesByCode.GetValueOrDefault(communeCode)?.Population : null;
        else
        {
            var pops = estates.Select(f => f.CommuneCode).Where(c => c is not null).Distinct()
                .Select(c => ctx.CommunesByCode.GetValueOrDefault(c!)?.Population).ToList();
            population = pops.Count > 0 && pops.All(p => p is not null) ? pops.Sum(p => (long)p!.Value) : null;
        }

        var travelled = estates.Where(f => f.TravelSeconds is not null).ToList();
        var travelWeight = travelled.Sum(f => (double)f.Estate.Dwellings);
        var office = PreparedGeometryFactory.Prepare(unit.Geometry);

        return new TerritoryIndicators
        {
            Dwellings = dwellings,
            Estates = estates.Count,
            CollectiveDwellings = collective,
            CollectiveShare = known > 0 ? (double)collective / known : null,
            QpvDwellings = estates.Where(f => f.QpvCode is not null).Sum(f => f.Estate.Dwellings),
            DensityLevel = density.Level,
            DensityEstimated = density.Estimated,
            Population = population,
            QpvAreaShare = QpvAreaShare(unit, ctx),
            NearestSameLandlordMeters = WeightedMean(estates.Where(f => f.NearestSameLandlordMeters is not null)
                .Select(f => (f.NearestSameLandlordMeters!.Value, (double)f.Estate.Dwellings))),
            NearbyLandlordDwellings = WeightedMean(estates.Select(f => ((double)f.NearbyLandlordDwellings, (double)f.Estate.Dwellings))) ?? 0,
            MeanTravelMinutes = travelWeight > 0 ? travelled.Sum(f => f.TravelSeconds!.Value * f.Estate.Dwellings) / travelWeight / 60 : null,
            MaxTravelMinutes = travelled.Count > 0 ? travelled.Max(f => f.TravelSeconds!.Value) / 60 : null,
            TravelEstimated = estates.Any(f => f.TravelEstimated),
            Landlords = estates.Select(f => f.LandlordKey).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal).ToList(),
            OfficesInside = ctx.Offices.Count(o => office.Covers(o.Location)),
            SiteAgents = estates.Sum(f => f.SiteAgents),
            AreaKm2 = unit.Geometry.Area / 1e6,
        };
    }

    /// <summary>QPV share of the commune area (commune and QPV territories) or of the territory area.</summary>
    private static double? QpvAreaShare(TerritoryUnit unit, AnalysisContext ctx)
    {
        if (unit.Kind == TerritoryKind.QpvPart) return 1;
        Geometry area = unit.Geometry;
        if (unit.Kind == TerritoryKind.Commune && unit.CommuneCode is not null
            && ctx.CommunesByCode.TryGetValue(unit.CommuneCode, out var commune))
            area = commune.Geometry;
        if (!(area.Area > 0)) return null;
        var covered = 0.0;
        foreach (var d in ctx.DistrictsNear(area.EnvelopeInternal))
        {
            try { covered += area.Intersection(d.Geometry).Area; }
            catch (TopologyException) { /* an invalid QPV polygon adds nothing rather than failing the run */ }
        }
        return Math.Min(1, covered / area.Area);
    }

    private static double? WeightedMean(IEnumerable<(double Value, double Weight)> items)
    {
        double sum = 0, weight = 0;
        foreach (var (v, w) in items)
        {
            sum += v * w;
            weight += w;
        }
        return weight > 0 ? sum / weight : null;
    }
}
