using Territory.Core.Model;
using Territory.Core.Typology;

namespace Territory.Core.Indicators;

/// <summary>Reads a commune's INSEE density level, or estimates it from population and area.</summary>
internal static class DensityEstimator
{
    public static CommuneDensity Of(Commune? commune, DensitySettings settings)
    {
        if (commune is null)
            return new CommuneDensity(null, false);
        if (commune.DensityLevel is >= 1 and <= 7)
            return new CommuneDensity(commune.DensityLevel, false);
        if (commune.Population is not { } pop)
            return new CommuneDensity(null, false);
        var area = commune.AreaKm2 ?? commune.Geometry.Area / 1e6;
        if (!(area > 0))
            return new CommuneDensity(null, false);
        var density = pop / area;
        foreach (var rule in settings.Rules)
        {
            if (pop >= rule.MinPopulation && density >= rule.MinDensityPerKm2)
                return new CommuneDensity(rule.Level, true);
        }
        return new CommuneDensity(settings.FallbackLevel, true);
    }
}
