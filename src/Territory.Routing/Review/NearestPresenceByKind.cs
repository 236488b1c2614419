using Territory.Core.Model;

namespace Territory.Routing.Review;

/// <summary>
/// For each estate and each kind of presence point (agency, antenna, lodge, relay place, mobile-agency
/// stop…), the nearest point of that kind by the review's travel matrix: what the presence plan
/// needs to say whether a form is already there.
/// </summary>
/// <remarks>
/// A point serves an estate when it belongs to the estate's landlord or to no landlord (a public
/// relay place such as a France Services point); unreachable cells are skipped. Values inherit the
/// review's <see cref="AgencyTravelReviewResult.Estimated"/> flag.
/// </remarks>
public static class NearestPresenceByKind
{
    /// <summary>One entry per estate and kind that some point of that kind reaches.</summary>
    /// <param name="review">A travel review computed over <paramref name="estates"/> and <paramref name="agencies"/>.</param>
    /// <param name="estates">The estates of the review.</param>
    /// <param name="agencies">The presence points of the review (rows of its matrix).</param>
    /// <exception cref="ArgumentException">The review has no matrix.</exception>
    public static IReadOnlyList<PresenceAccess> Compute(AgencyTravelReviewResult review, IReadOnlyList<Estate> estates, IReadOnlyList<Agency> agencies)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(estates);
        ArgumentNullException.ThrowIfNull(agencies);
        var matrix = review.Matrix ?? throw new ArgumentException("The review carries no agency × estate matrix.", nameof(review));
        var agencyById = new Dictionary<string, Agency>(StringComparer.Ordinal);
        foreach (var a in agencies)
            agencyById.TryAdd(a.Id, a);
        var estateById = new Dictionary<string, Estate>(StringComparer.Ordinal);
        foreach (var e in estates)
            estateById.TryAdd(e.Id, e);
        var rows = matrix.AgencyIds.Select(id => agencyById.GetValueOrDefault(id)).ToArray();
        var kinds = AgencyKinds.All;
        var best = new (int Row, double Seconds)[kinds.Count];
        var result = new List<PresenceAccess>();
        for (var e = 0; e < matrix.EstateIds.Count; e++)
        {
            if (!estateById.TryGetValue(matrix.EstateIds[e], out var estate))
                continue;
            Array.Fill(best, (-1, double.PositiveInfinity));
            for (var a = 0; a < rows.Length; a++)
            {
                var agency = rows[a];
                if (agency is null || !Serves(agency, estate) || matrix[a, e].DurationSeconds is not { } seconds)
                    continue;
                var k = (int)agency.Kind;
                if (seconds < best[k].Seconds)
                    best[k] = (a, seconds);
            }
            for (var k = 0; k < best.Length; k++)
                if (best[k].Row >= 0)
                    result.Add(new PresenceAccess(estate.Id, (AgencyKind)k, rows[best[k].Row]!.Id, best[k].Seconds, review.Estimated));
        }
        return result;
    }

    private static bool Serves(Agency agency, Estate estate) =>
        agency.Landlord is null || estate.Landlord is null || string.Equals(agency.Landlord, estate.Landlord, StringComparison.Ordinal);
}
