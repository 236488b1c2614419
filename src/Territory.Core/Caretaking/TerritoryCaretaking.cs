namespace Territory.Core.Caretaking;

/// <summary>The caretaking obligation in a territory: the organisation's own figures, and each landlord's apart.</summary>
/// <param name="Own">The organisation's figures (zeros and « non applicable » when it has no estate concerned).</param>
/// <param name="Landlords">Every landlord with an estate concerned, the organisation first.</param>
public sealed record TerritoryCaretaking(LandlordCaretaking Own, IReadOnlyList<LandlordCaretaking> Landlords)
{
    /// <summary>The organisation's status.</summary>
    public CaretakingStatus Status => Own.Status;
}
