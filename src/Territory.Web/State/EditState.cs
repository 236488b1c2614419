using Territory.Core.Model;

namespace Territory.Web.State;

/// <summary>The scenario's edits of presence points over the saved state; copied before each edit, never changed once published.</summary>
internal sealed class EditState
{
    /// <summary>Presence points of the current state (saved ones, moved ones, added ones).</summary>
    public required List<Agency> Agencies { get; init; }

    /// <summary>The edits since the last save, in order.</summary>
    public required List<ScenarioChange> Changes { get; init; }

    /// <summary>Agency id → <c>added</c> or <c>moved</c>.</summary>
    public required Dictionary<string, string> Status { get; init; }

    /// <summary>No edit: the saved presence points.</summary>
    public static EditState Of(IReadOnlyList<Agency> saved) => new()
    {
        Agencies = saved.ToList(),
        Changes = [],
        Status = new Dictionary<string, string>(StringComparer.Ordinal),
    };

    /// <summary>A copy to edit.</summary>
    public EditState Clone() => new()
    {
        Agencies = [.. Agencies],
        Changes = [.. Changes],
        Status = new Dictionary<string, string>(Status, StringComparer.Ordinal),
    };

    /// <summary>
    /// The same edits replayed over freshly read saved points (someone else changed the project):
    /// added and moved points keep their place, removed ones stay removed, every other point is the new saved one.
    /// </summary>
    public EditState ReplayOver(IReadOnlyList<Agency> saved)
    {
        var agencies = saved.ToList();
        foreach (var c in Changes)
        {
            agencies.RemoveAll(a => a.Id == c.AgencyId);
            if (c.Op == "remove")
                continue;
            var edited = Agencies.FirstOrDefault(a => a.Id == c.AgencyId);
            if (edited is not null)
                agencies.Add(edited);
        }
        return new EditState
        {
            Agencies = agencies,
            Changes = [.. Changes],
            Status = new Dictionary<string, string>(Status, StringComparer.Ordinal),
        };
    }
}
