using Territory.Core.Typology;

namespace Territory.Core.Analysis;

/// <summary>Totals per type: how many territories, dwellings, site agents (means vs needs, seed 004).</summary>
public sealed record TypeSummary(TerritoryType Type, int Territories, int Dwellings, double SiteAgents, double CaretakerRequiredFte)
{
    /// <summary>Dwellings per site agent; null without site staff.</summary>
    public double? DwellingsPerSiteAgent => SiteAgents > 0 ? Dwellings / SiteAgents : null;
}
