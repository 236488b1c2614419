namespace Territory.Core.Model;

/// <summary>Kinds of presence points; French labels are the ones users see.</summary>
public enum AgencyKind
{
    /// <summary>Siège.</summary>
    Siege,
    /// <summary>Agence.</summary>
    Agence,
    /// <summary>Antenne.</summary>
    Antenne,
    /// <summary>Bureau de proximité.</summary>
    BureauProximite,
    /// <summary>Loge de gardien.</summary>
    Loge,
    /// <summary>Lieu relais.</summary>
    LieuRelais,
    /// <summary>Arrêt d'agence mobile.</summary>
    ArretAgenceMobile,
}
