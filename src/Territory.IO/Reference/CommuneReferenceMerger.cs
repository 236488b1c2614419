using Territory.Core.Model;

namespace Territory.IO.Reference;

/// <summary>Fills the population and density level of project communes from reference files, by INSEE code.</summary>
/// <remarks>
/// <para>Sources are tried in the given order, field by field: list the preferred source first.
/// A project value is kept unless <c>overwrite</c> is true; a missing one is always filled.</para>
/// <para>Municipal arrondissements (Paris 751xx, Lyon 6938x, Marseille 132xx) match their own
/// rows (Etalab has them); without one, an arrondissement inherits its commune's density level
/// (the grid classes Paris, Lyon and Marseille whole) but never its population.</para>
/// <para>Geometries and the other fields are left untouched.</para>
/// </remarks>
public static class CommuneReferenceMerger
{
    /// <summary>Merges <paramref name="sources"/> into <paramref name="communes"/>.</summary>
    /// <param name="communes">The project's communes (not modified).</param>
    /// <param name="sources">Reference files in order of preference.</param>
    /// <param name="overwrite">True to replace existing project values that differ.</param>
    public static CommuneMergeResult Merge(IReadOnlyList<Commune> communes, IReadOnlyList<CommuneReferenceSource> sources, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(communes);
        ArgumentNullException.ThrowIfNull(sources);
        var index = new CommuneReferenceIndex(sources);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        var output = new List<Commune>(communes.Count);
        int matched = 0, viaParent = 0, changed = 0, urbanAreas = 0;
        var population = new FieldCounts();
        var density = new FieldCounts();

        foreach (var commune in communes)
        {
            var code = InseeCodes.Normalize(commune.Code) ?? commune.Code;
            int? refPopulation, refDensity;
            if (index.TryGet(code, out refPopulation, out refDensity))
            {
                used.Add(code);
                matched++;
            }
            else if (InseeCodes.ParentOf(code) is { } parent && index.TryGet(parent, out _, out refDensity) && refDensity is not null)
            {
                used.Add(parent);
                refPopulation = null;
                matched++;
                viaParent++;
            }
            else
            {
                unmatched.Add(commune.Code);
                output.Add(commune);
                continue;
            }
            var newPopulation = population.Apply(commune.Population, refPopulation, overwrite);
            var newDensity = density.Apply(commune.DensityLevel, refDensity, overwrite);
            var area = index.UrbanAreaOf(code);
            var takeArea = area is { } a && (commune.UrbanAreaCode is null || overwrite)
                && (a.Code != commune.UrbanAreaCode || a.Population != commune.UrbanAreaPopulation);
            if (newPopulation == commune.Population && newDensity == commune.DensityLevel && !takeArea)
            {
                output.Add(commune);
                continue;
            }
            changed++;
            if (takeArea)
                urbanAreas++;
            output.Add(commune with
            {
                Population = newPopulation,
                DensityLevel = newDensity,
                UrbanAreaCode = takeArea ? area!.Value.Code : commune.UrbanAreaCode,
                UrbanAreaPopulation = takeArea ? area!.Value.Population ?? commune.UrbanAreaPopulation : commune.UrbanAreaPopulation,
            });
        }

        var unknown = index.Codes.Where(c => !used.Contains(c)).ToList();
        return new CommuneMergeResult
        {
            Communes = output,
            Matched = matched,
            MatchedViaParent = viaParent,
            Unmatched = unmatched.Count,
            UnmatchedCodes = [.. unmatched.Order(StringComparer.Ordinal).Take(CommuneMergeResult.CodesListed)],
            PopulationsFilled = population.Filled,
            PopulationsOverwritten = population.Overwritten,
            PopulationsKept = population.Kept,
            DensityLevelsFilled = density.Filled,
            DensityLevelsOverwritten = density.Overwritten,
            DensityLevelsKept = density.Kept,
            UrbanAreasFilled = urbanAreas,
            SourceCodesUnknown = unknown.Count,
            UnknownCodes = [.. unknown.Order(StringComparer.Ordinal).Take(CommuneMergeResult.CodesListed)],
            DuplicateSourceRows = index.DuplicateRows,
            Changed = changed,
        };
    }

    private sealed class FieldCounts
    {
        public int Filled { get; private set; }
        public int Overwritten { get; private set; }
        public int Kept { get; private set; }

        public int? Apply(int? current, int? reference, bool overwrite)
        {
            if (reference is null || current == reference)
                return current;
            if (current is null)
            {
                Filled++;
                return reference;
            }
            if (overwrite)
            {
                Overwritten++;
                return reference;
            }
            Kept++;
            return current;
        }
    }
}
