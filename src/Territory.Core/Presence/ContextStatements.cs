using Territory.Core.Indicators;
using Territory.Core.Messages;
using Territory.Core.Typology;

namespace Territory.Core.Presence;

/// <summary>
/// The « contexte local » of a territory, stated only where the data supports it: an old stock only from
/// construction years, an ageing or poor district only from the INSEE indicators of the QPV, isolation and
/// diffusion from the measured indicators. Nothing is said without a value behind it.
/// </summary>
internal static class ContextStatements
{
    public static IReadOnlyList<Message> Of(PlanContext c, TerritoryIndicators i)
    {
        var p = c.Config.Presence;
        var list = new List<Message>();
        if (c.Type == TerritoryType.RuralDiffuse && i.Estates > 0)
            list.Add(Message.Of("context_diffuse", ("dwellings", i.Dwellings), ("estates", i.Estates), ("per", i.DwellingsPerEstate)));
        if (c.Type == TerritoryType.Isolated && i.NearbyLandlordDwellings < c.Config.Classification.NearbyLandlordDwellings.From)
            list.Add(Message.Of("context_isolated", ("nearby", i.NearbyLandlordDwellings), ("radius", c.Config.Travel.IsolationRadiusMeters / 1000)));
        var dated = c.Own.Where(f => f.Estate.ConstructionYear is not null).ToList();
        var datedDwellings = dated.Sum(f => f.Estate.Dwellings);
        if (datedDwellings > 0 && datedDwellings * 2 >= c.Dwellings)
        {
            var old = (double)dated.Where(f => f.Estate.ConstructionYear < p.OldStockBefore).Sum(f => f.Estate.Dwellings) / datedDwellings;
            if (old >= p.OldStockShare)
                list.Add(Message.Of("context_old_stock", ("share", old), ("year", p.OldStockBefore.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        if (c.District is { } d)
        {
            if (d.Population is { } pop)
                list.Add(Message.Of("context_district_population", ("population", pop)));
            if (d.YouthIndex is < 1 and var youth)
                list.Add(Message.Of("context_ageing_district", ("index", youth)));
            if (d.PovertyRate is { } rate && rate >= p.HighPovertyRate)
                list.Add(Message.Of("context_poverty", ("rate", rate)));
            if (d.MedianIncome is { } income)
                list.Add(Message.Of("context_income", ("income", income)));
        }
        if (c.QpvCode is not null && c.DistrictLandlords.Count >= 2)
            list.Add(Message.Of("context_landlords", ("count", c.DistrictLandlords.Count), ("landlords", string.Join(", ", c.DistrictLandlords)),
                ("stock", c.DistrictStock)));
        return list;
    }
}
