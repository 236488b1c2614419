namespace Territory.IO.Reference;

/// <summary>Reference values by INSEE code, merged over several sources: for each field the first source that gives it wins.</summary>
internal sealed class CommuneReferenceIndex
{
    private readonly Dictionary<string, (int? Population, int? DensityLevel)> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Code, int? Population)> _urbanArea = new(StringComparer.Ordinal);

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
                if (row.UrbanArea is { } area && !_urbanArea.ContainsKey(row.Code))
                    _urbanArea[row.Code] = (area, row.UrbanAreaPopulation);
            }
        }
    }

    public int DuplicateRows { get; }

    public IEnumerable<string> Codes => _byCode.Keys;

    /// <summary>The urban area a reference gives a commune, if any.</summary>
    public (string Code, int? Population)? UrbanAreaOf(string code) => _urbanArea.TryGetValue(code, out var a) ? a : null;

    public bool TryGet(string code, out int? population, out int? densityLevel)
    {
        var found = _byCode.TryGetValue(code, out var values);
        population = values.Population;
        densityLevel = values.DensityLevel;
        return found;
    }
}
