namespace Territory.Core.Territories;

/// <summary>How the patrimony is cut into territories before typing.</summary>
public enum DelineationMode
{
    /// <summary>One territory per commune, each QPV's part split out as its own territory (default).</summary>
    CommuneAndQpv,
    /// <summary>User sector polygons; estates outside every sector form a « hors secteur » territory.</summary>
    Sectors,
    /// <summary>One territory per agency: the estates it serves (travel origin or managing agency).</summary>
    AgencyCatchment,
}
