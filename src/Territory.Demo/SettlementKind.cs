namespace Territory.Demo;

/// <summary>What a demo commune is, which fixes its population range and density level.</summary>
internal enum SettlementKind
{
    /// <summary>The large city (grand centre urbain, level 1).</summary>
    City,
    /// <summary>The mid-size town (centre urbain intermédiaire, level 2).</summary>
    MidTown,
    /// <summary>Suburb of the city (ceinture urbaine, level 3).</summary>
    Suburb,
    /// <summary>Small town (petite ville, level 4).</summary>
    SmallTown,
    /// <summary>Village (bourg rural, level 5).</summary>
    Village,
    /// <summary>Rural commune with dispersed housing (level 6).</summary>
    Dispersed,
    /// <summary>Rural commune with very dispersed housing (level 7).</summary>
    VeryDispersed,
}
