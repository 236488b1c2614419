using Territory.Core.Analysis;
using Territory.Core.Indicators;
using Territory.Core.Model;

namespace Territory.Core.Presence;

/// <summary>Per estate, the nearest presence point of each kind and the travel time to it.</summary>
/// <remarks>
/// From <see cref="AnalysisInput.NearestPresence"/> (the travel matrix) when given; otherwise straight-line
/// distance × detour factor at the average speed of <see cref="Typology.TravelSettings"/>, flagged estimated.
/// A point serves an estate of its own landlord, or any estate when it has no landlord. Without the matrix, only
/// the organisation's estates are indexed (the plan and the staff model ask about nothing else).
/// </remarks>
internal sealed class KindAccessIndex
{
    public static readonly AgencyKind[] OfficeKinds = [AgencyKind.Siege, AgencyKind.Agence, AgencyKind.Antenne, AgencyKind.BureauProximite];

    // Per estate, the nearest point of each kind, indexed by the kind's value.
    private static readonly int KindCount = Enum.GetValues<AgencyKind>().Max(k => (int)k) + 1;
    private readonly Dictionary<string, Reach?[]> _byEstate = new(StringComparer.Ordinal);

    public KindAccessIndex(AnalysisContext ctx, IReadOnlyList<EstateFacts> facts)
    {
        if (ctx.Input.NearestPresence is { } given)
        {
            foreach (var a in given)
                Put(a.EstateId, a.Kind, new Reach(a.AgencyId, a.DurationSeconds, a.Estimated));
            return;
        }
        var t = ctx.Config.Travel;
        var metresPerSecond = t.AverageSpeedKmh / 3.6;
        // The plan and the staff model only ask about the organisation's estates, served by its points or public ones.
        var points = ctx.Input.Agencies.Where(ctx.IsOwn).ToList();
        foreach (var f in facts.Where(ctx.IsOwn))
        {
            foreach (var a in points)
            {
                var seconds = EstateFactsBuilder.Dist(a.Location, f.Location) * t.DetourFactor / metresPerSecond;
                Put(f.Estate.Id, a.Kind, new Reach(a.Id, seconds, true));
            }
        }
    }

    /// <summary>The nearest point among <paramref name="kinds"/> for an estate, or null when none reaches it.</summary>
    public Reach? Nearest(string estateId, IReadOnlyList<AgencyKind> kinds)
    {
        if (!_byEstate.TryGetValue(estateId, out var byKind))
            return null;
        Reach? best = null;
        foreach (var k in kinds)
            if (byKind[(int)k] is { } r && (best is null || r.Seconds < best.Seconds))
                best = r;
        return best;
    }

    private void Put(string estateId, AgencyKind kind, Reach reach)
    {
        if (!_byEstate.TryGetValue(estateId, out var byKind))
            _byEstate[estateId] = byKind = new Reach?[KindCount];
        if (byKind[(int)kind] is not { } current || reach.Seconds < current.Seconds)
            byKind[(int)kind] = reach;
    }

    /// <summary>A point and the time to reach the estate from it.</summary>
    public sealed record Reach(string AgencyId, double Seconds, bool Estimated)
    {
        public double Minutes => Seconds / 60;
    }
}
