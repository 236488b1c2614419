namespace Territory.Core.Presence;

/// <summary>Forms of presence of the source table « Quelle proximité ? » (questionnaire 2022) that the plan can measure.</summary>
/// <remarks>
/// The mobile agency and its stops are one form. Forms with no measurable footprint (remote contact,
/// provider network, tenants as relays, sector manager) are the type's organisation, stated apart.
/// </remarks>
public enum PresenceForm
{
    /// <summary>Relay place where permanences are held (lieu relais).</summary>
    RelayPlace,
    /// <summary>Mobile agency and its regular stops.</summary>
    MobileAgency,
    /// <summary>Multi-skilled caretakers on site, with lodges.</summary>
    SiteCaretakers,
    /// <summary>Grouped proximity office.</summary>
    GroupedOffice,
    /// <summary>Reinforced on-site management in a large district (caretakers, grouped lodges).</summary>
    ReinforcedSiteManagement,
    /// <summary>Antenna or proximity office in the district.</summary>
    DistrictAntenna,
    /// <summary>Agency in the heart of the district, with relay places tied to its residential sub-sets.</summary>
    DistrictAgency,
    /// <summary>Coordination between the landlords of a district.</summary>
    InterLandlord,
}
