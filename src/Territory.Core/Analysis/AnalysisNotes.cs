using Territory.Core.Caretaking;
using Territory.Core.Indicators;
using Territory.Core.Messages;

namespace Territory.Core.Analysis;

/// <summary>Notes about a whole run: estimates, missing reference data, what the rules could not decide.</summary>
internal static class AnalysisNotes
{
    public static List<Message> Of(AnalysisContext ctx, IReadOnlyList<EstateFacts> facts, IReadOnlyList<CaretakingEnsemble> ensembles,
        IReadOnlyList<LandlordCaretaking> landlords)
    {
        var config = ctx.Config;
        var notes = new List<Message>();
        if (facts.Any(f => f.TravelEstimated))
            notes.Add(ctx.Input.Access is null
                ? Message.Of("note_travel_straight_line", ("detour", config.Travel.DetourFactor), ("speed", config.Travel.AverageSpeedKmh))
                : Message.Of("note_travel_partly_estimated"));
        if (facts.Count(f => f.CommuneCode is null) is > 0 and var without)
            notes.Add(Message.Of("note_estates_without_commune", ("count", without)));
        if (ctx.DensityCache.Values.Any(d => d.Estimated))
            notes.Add(Message.Of("note_density_estimated"));
        if (ctx.Input.Districts.Count == 0)
            notes.Add(Message.Of("note_no_qpv_layer", ("command", "territory import FICHIER --into P.gpkg --as qpv")));
        var unknown = ensembles.Where(e => e.Status == CaretakingStatus.NotAssessable).ToList();
        if (unknown.Count > 0)
            notes.Add(Message.Of("caretaking_not_assessable_total", ("dwellings", unknown.Sum(e => e.Dwellings)), ("estates", unknown.Sum(e => e.EstateIds.Count))));
        var toCheck = ensembles.Where(e => e.Status == CaretakingStatus.ToCheck).ToList();
        if (toCheck.Count > 0)
            notes.Add(Message.Of("caretaking_to_check_total", ("dwellings", toCheck.Sum(e => e.Dwellings)), ("ensembles", toCheck.Count),
                ("min", config.Caretaking.MinDwellings)));
        foreach (var other in landlords.Where(l => !l.Own && l.DeficitFte > 1e-9))
            notes.Add(Message.Of("caretaking_other_landlord_deficit", ("landlord", other.Landlord), ("deficit", other.DeficitFte),
                ("ensembles", other.EnsemblesInDeficit)));
        var unlocated = ctx.Input.Agencies.Where(a => AnalysisContext.IsOffice(a) && ctx.IsOwn(a)).Sum(a => a.SiteStaff ?? 0);
        if (unlocated > 0)
            notes.Add(Message.Of("staff_unlocated_total", ("staff", unlocated)));
        notes.Add(Message.Of("caretaking_disclaimer", ("meters", config.Caretaking.EnsembleLinkMeters)));
        return notes;
    }
}
