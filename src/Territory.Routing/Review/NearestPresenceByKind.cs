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
        var columns = matrix.EstateIds.Select(id => estateById.GetValueOrDefault(id)).ToArray();
        var kinds = AgencyKinds.All.Count;
        // Row by row over the timed cells only (a row of a large portfolio reaches its own département, not every estate):
        // the best row per estate and kind, the first row on a tie as a column-by-column scan would keep.
        var bestRow = new int[columns.Length * kinds];
        var bestSeconds = new double[columns.Length * kinds];
        Array.Fill(bestRow, -1);
        Array.Fill(bestSeconds, double.PositiveInfinity);
        for (var a = 0; a < rows.Length; a++)
        {
            // A row kept without cells (the agency reaches no estate) has no timed cell.
            if (rows[a] is not { } agency || matrix.SparseRow(a) is not { } row)
                continue;
            var k = (int)agency.Kind;
            var reached = row.Reached;
            var seconds = row.Seconds;
            for (var i = 0; i < reached.Length; i++)
                Offer(reached[i], seconds[i]);
            var other = row.Other;
            var otherIndex = row.OtherIndex;
            for (var i = 0; i < otherIndex.Length; i++)
                if (other[i].Seconds is { } s)
                    Offer(otherIndex[i], s);

            void Offer(int e, double s)
            {
                var slot = e * kinds + k;
                if (columns[e] is { } estate && Serves(agency, estate) && s < bestSeconds[slot])
                    (bestRow[slot], bestSeconds[slot]) = (a, s);
            }
        }
        var result = new List<PresenceAccess>();
        for (var e = 0; e < columns.Length; e++)
        {
            if (columns[e] is not { } estate)
                continue;
            for (var k = 0; k < kinds; k++)
                if (bestRow[e * kinds + k] is var r and >= 0)
                    result.Add(new PresenceAccess(estate.Id, (AgencyKind)k, rows[r]!.Id, bestSeconds[e * kinds + k], review.Estimated));
        }
        return result;
    }

    private static bool Serves(Agency agency, Estate estate) =>
        agency.Landlord is null || estate.Landlord is null || string.Equals(agency.Landlord, estate.Landlord, StringComparison.Ordinal);
}
