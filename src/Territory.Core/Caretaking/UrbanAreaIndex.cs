using Territory.Core.Model;
using Territory.Core.Typology;

namespace Territory.Core.Caretaking;

/// <summary>What the project's communes say about their urban areas (the rule's third geographic case).</summary>
/// <remarks>
/// An area's population is the largest one a commune of the area gives; without one, the sum of the
/// populations of the project's communes in the area is a lower bound (the project may not hold the
/// whole area): enough to conclude when it already reaches the threshold, never to conclude it does not.
/// </remarks>
internal sealed class UrbanAreaIndex
{
    private readonly Dictionary<string, Area> _areas = new(StringComparer.Ordinal);

    public UrbanAreaIndex(IEnumerable<Commune> communes)
    {
        foreach (var c in communes)
        {
            if (!IsArea(c.UrbanAreaCode))
                continue;
            var code = c.UrbanAreaCode!.Trim();
            if (!_areas.TryGetValue(code, out var area))
                _areas[code] = area = new Area();
            if (c.UrbanAreaPopulation is { } given)
                area.Given = Math.Max(area.Given ?? 0, given);
            if (c.Population is { } pop)
            {
                area.KnownSum += pop;
                if (pop > area.LargestPopulation)
                    (area.LargestPopulation, area.LargestName) = (pop, c.Name ?? c.Code);
            }
        }
    }

    /// <summary>The rule's verdict for a commune's urban area.</summary>
    public UrbanAreaVerdict Judge(Commune commune, CaretakingSettings s)
    {
        if (commune.UrbanAreaCode is null)
            return new UrbanAreaVerdict(UrbanAreaState.Unknown, null, null, null, 0);
        if (!IsArea(commune.UrbanAreaCode))
            return new UrbanAreaVerdict(UrbanAreaState.None, null, null, null, 0);
        var code = commune.UrbanAreaCode.Trim();
        var area = _areas[code];
        var population = area.Given ?? area.KnownSum;
        var bigEnough = population >= s.MinUrbanAreaPopulation;
        var hasTown = area.LargestPopulation > s.MinUrbanAreaCommunePopulation;
        if (bigEnough && hasTown)
            return new UrbanAreaVerdict(UrbanAreaState.Qualifies, code, population, area.LargestName, area.LargestPopulation);
        if (area.Given is { } given && given < s.MinUrbanAreaPopulation)
            return new UrbanAreaVerdict(UrbanAreaState.None, code, given, area.LargestName, area.LargestPopulation);
        return new UrbanAreaVerdict(UrbanAreaState.Unknown, code, population, area.LargestName, area.LargestPopulation);
    }

    /// <summary>INSEE writes <c>000</c> (or leaves empty) for a commune outside every area.</summary>
    private static bool IsArea(string? code) =>
        !string.IsNullOrWhiteSpace(code) && code.Trim().Any(ch => ch != '0');

    private sealed class Area
    {
        public int? Given;
        public long KnownSum;
        public int LargestPopulation;
        public string? LargestName;
    }
}

/// <summary>Whether a commune's urban area brings it under the rule.</summary>
internal enum UrbanAreaState
{
    Unknown,
    None,
    Qualifies,
}

/// <summary>The verdict with the values that decided it.</summary>
internal sealed record UrbanAreaVerdict(UrbanAreaState State, string? Code, long? Population, string? LargestCommune, int LargestPopulation);
