namespace Territory.IO.Reference;

/// <summary>Reference values by INSEE code, merged over several sources: for each field the first source that gives it wins.</summary>
internal sealed class CommuneReferenceIndex
{
    private readonly Dictionary<string, (int? Population, int? DensityLevel)> _byCode = new(StringComparer.Ordinal);

    public CommuneReferenceIndex(IReadOnlyList<CommuneReferenceSource> sources)
    {
        foreach (var source in sources)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in source.Rows)
            {
                if (!seen.Add(row.Code))
                {
                    DuplicateRows++;
                    continue;
                }
                _byCode.TryGetValue(row.Code, out var known);
                _byCode[row.Code] = (known.Population ?? row.Population, known.DensityLevel ?? row.DensityLevel);
            }
        }
    }

    public int DuplicateRows { get; }

    public IEnumerable<string> Codes => _byCode.Keys;

    public bool TryGet(string code, out int? population, out int? densityLevel)
    {
        var found = _byCode.TryGetValue(code, out var values);
        population = values.Population;
        densityLevel = values.DensityLevel;
        return found;
    }
}
