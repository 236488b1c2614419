using Territory.Core.Indicators;

namespace Territory.Core.Caretaking;

/// <summary>Sums ensembles per landlord over a set of estates (a territory, or the whole project).</summary>
/// <remarks>An ensemble straddling two territories counts in each for its share of dwellings there.</remarks>
internal sealed class CaretakingSummary
{
    private readonly Dictionary<string, CaretakingEnsemble> _ensembleOfEstate = new(StringComparer.Ordinal);
    private readonly string _own;

    public CaretakingSummary(IEnumerable<CaretakingEnsemble> ensembles, string ownLandlord)
    {
        _own = ownLandlord;
        foreach (var e in ensembles)
            foreach (var id in e.EstateIds)
                _ensembleOfEstate.TryAdd(id, e);
    }

    /// <summary>The ensemble an estate belongs to, if any.</summary>
    public CaretakingEnsemble? EnsembleOf(string estateId) => _ensembleOfEstate.GetValueOrDefault(estateId);

    /// <summary>Per landlord over <paramref name="estates"/>.</summary>
    public TerritoryCaretaking Of(IEnumerable<EstateFacts> estates)
    {
        var rows = new Dictionary<string, Acc>(StringComparer.Ordinal);
        foreach (var f in estates)
        {
            if (!_ensembleOfEstate.TryGetValue(f.Estate.Id, out var e))
                continue;
            if (!rows.TryGetValue(e.Landlord, out var acc))
                rows[e.Landlord] = acc = new Acc();
            var share = e.Dwellings > 0 ? (double)(e.HousingKnown ? f.CollectiveDwellings : f.Estate.Dwellings) / e.Dwellings : 0;
            acc.Status = acc.Status is { } s ? CaretakingStatuses.Strongest(s, e.Status) : e.Status;
            acc.Required += e.RequiredFte * share;
            acc.Declared += e.Applies ? (f.SiteAgents + e.AgencyCoverFte * share) : f.SiteAgents;
            acc.Deficit += e.DeficitFte * share;
            if (e.Applies) acc.Cover += e.AgencyCoverFte * share;
            if (e.Status == CaretakingStatus.ToCheck) acc.ToCheck += f.CollectiveDwellings;
            if (e.Status == CaretakingStatus.NotAssessable) acc.NotAssessable += f.Estate.Dwellings;
            if (acc.Seen.Add(e.Id) && e.Deficit) acc.InDeficit++;
        }
        var list = rows.Select(kv => kv.Value.Row(kv.Key, kv.Key == _own))
            .OrderByDescending(r => r.Own).ThenBy(r => r.Landlord, StringComparer.Ordinal).ToList();
        var own = list.FirstOrDefault(r => r.Own) ?? new LandlordCaretaking(_own, true, CaretakingStatus.NotApplicable, 0, 0, 0, 0, 0, 0, 0, 0);
        return new TerritoryCaretaking(own, list);
    }

    private sealed class Acc
    {
        public CaretakingStatus? Status;
        public double Required, Declared, Deficit, Cover;
        public int ToCheck, NotAssessable, InDeficit;
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public LandlordCaretaking Row(string landlord, bool own) =>
            new(landlord, own, Status ?? CaretakingStatus.NotApplicable, Required, Declared, Deficit, Cover, ToCheck, NotAssessable, Seen.Count, InDeficit);
    }
}
