using Territory.Core.Model;

namespace Territory.Core.Scenarios;

/// <summary>A named set of changes to the presence network, made over a given data version of the project.</summary>
/// <remarks>
/// The same model serves the map (edits by hand), planning (<c>territory plan sites --save-scenario</c>)
/// and <c>territory scenario</c>; it is evaluated the same way everywhere by applying it to the saved
/// presence points (<see cref="Apply"/>).
/// </remarks>
public sealed record Scenario
{
    /// <summary>Longest name accepted (characters).</summary>
    public const int MaxNameLength = 120;

    /// <summary>Unique name in the project.</summary>
    public required string Name { get; init; }
    /// <summary>Who made it (user name, or the operating-system user for the CLI).</summary>
    public string? Author { get; init; }
    /// <summary>Free description (e.g. the plan's parameters).</summary>
    public string? Description { get; init; }
    /// <summary>Where it comes from: <c>map</c>, <c>plan</c> or <c>cli</c>.</summary>
    public string Source { get; init; } = "map";
    /// <summary>Visible to every user of the project (true) or to its author only.</summary>
    public bool Shared { get; init; } = true;
    /// <summary>Data version of the project the changes were made over.</summary>
    public long BaseVersion { get; init; }
    /// <summary>When it was first saved (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>When it was last saved (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The changes, in order.</summary>
    public IReadOnlyList<ScenarioChange> Changes { get; init; } = [];

    /// <summary>The presence points once the changes are applied to <paramref name="saved"/> (a new list; inputs untouched).</summary>
    /// <remarks>
    /// A move or a closure of a point that no longer exists is skipped (the scenario was made over an
    /// older version); an added point whose id now exists replaces nothing and keeps its own id suffixed.
    /// </remarks>
    public IReadOnlyList<Agency> Apply(IReadOnlyList<Agency> saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var list = saved.ToList();
        foreach (var c in Changes)
        {
            var index = list.FindIndex(a => string.Equals(a.Id, c.AgencyId, StringComparison.Ordinal));
            switch (c.Op)
            {
                case ScenarioOp.Add:
                    var id = c.AgencyId;
                    for (var k = 2; list.Exists(a => string.Equals(a.Id, id, StringComparison.Ordinal)); k++)
                        id = $"{c.AgencyId}#{k}";
                    list.Add(new Agency
                    {
                        Id = id, Name = c.Name, Kind = c.Kind, Location = c.Location ?? throw new InvalidOperationException($"Added point {c.AgencyId} has no location."),
                        Staff = c.Staff, SiteStaff = c.SiteStaff, Landlord = saved.Select(a => a.Landlord).FirstOrDefault(l => l is not null),
                    });
                    break;
                case ScenarioOp.Move when index >= 0 && c.Location is not null:
                    list[index] = list[index] with { Location = c.Location };
                    break;
                case ScenarioOp.Close when index >= 0:
                    list.RemoveAt(index);
                    break;
            }
        }
        return list;
    }
}
