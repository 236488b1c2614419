using Territory.Core.Messages;

namespace Territory.Core.Presence;

/// <summary>One line of a territory's presence plan.</summary>
/// <param name="Form">The form of presence.</param>
/// <param name="Status">Present, to create, to reinforce or not retained.</param>
/// <param name="Reason">Why, with the measured values (catalogue message).</param>
/// <param name="Trigger">The measure that decided it.</param>
/// <param name="Quantity">Size where it applies: relay places, stops, offices or FTE (see <paramref name="Unit"/>).</param>
/// <param name="Unit">Unit code of <paramref name="Quantity"/> (<c>relay_places</c>, <c>stops</c>, <c>offices</c>, <c>fte</c>).</param>
/// <param name="Sites">Sites chosen for new points; empty until network planning locates them (« à localiser »).</param>
/// <param name="DwellingsConcerned">The organisation's dwellings the line acts on (those not yet served, for an action).</param>
/// <param name="PointId">The existing point that serves the territory, when there is one.</param>
/// <param name="TravelEstimated">True when travel times behind it are straight-line estimates.</param>
public sealed record PlanItem(
    PresenceForm Form,
    PlanStatus Status,
    Message Reason,
    PlanTrigger Trigger,
    double? Quantity,
    string? Unit,
    IReadOnlyList<string> Sites,
    int DwellingsConcerned,
    string? PointId,
    bool TravelEstimated)
{
    /// <summary>Rank in the territory's plan, 1 first (actions, the legal obligation first, then by dwellings concerned).</summary>
    public int Rank { get; init; }

    /// <summary>True when a caretaking deficit under the law stands behind the line.</summary>
    public bool Legal { get; init; }
}
