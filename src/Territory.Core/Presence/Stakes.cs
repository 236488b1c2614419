using Territory.Core.Messages;
using Territory.Core.Typology;

namespace Territory.Core.Presence;

/// <summary>
/// The « Enjeux de gestion » of the source table per type, and the type's forms of organisation that have no
/// footprint the plan could measure (remote contact, provider network, tenants as relays, sector manager).
/// </summary>
/// <remarks>Source: « Diversité des territoires et diversité des enjeux organisationnels », questionnaire 2022 (31 organismes).</remarks>
public static class Stakes
{
    private static readonly Dictionary<TerritoryType, int> StakeCount = new()
    {
        [TerritoryType.RuralDiffuse] = 4,
        [TerritoryType.Isolated] = 3,
        [TerritoryType.UrbanCollective] = 2,
        [TerritoryType.PriorityDistrict] = 4,
    };

    private static readonly Dictionary<TerritoryType, int> OrganisationCount = new()
    {
        [TerritoryType.RuralDiffuse] = 1,
        [TerritoryType.Isolated] = 2,
        [TerritoryType.UrbanCollective] = 1,
        [TerritoryType.PriorityDistrict] = 1,
    };

    /// <summary>The management stakes of a type, in the source table's order.</summary>
    public static IReadOnlyList<Message> For(TerritoryType type) =>
        Enumerable.Range(1, StakeCount[type]).Select(i => Message.Of($"stake_{type.Code()}_{i}")).ToList();

    /// <summary>The type's forms of organisation stated without a measure.</summary>
    public static IReadOnlyList<Message> Organisation(TerritoryType type) =>
        Enumerable.Range(1, OrganisationCount[type]).Select(i => Message.Of($"organisation_{type.Code()}_{i}")).ToList();

    /// <summary>Where the stakes come from.</summary>
    public static Message Source { get; } = Message.Of("stakes_source");
}
