namespace Territory.Core.Model;

/// <summary>Ways an agency receives tenants (seed 003, 2022 survey).</summary>
[Flags]
public enum AccueilModes
{
    None = 0,
    /// <summary>Permanence physique.</summary>
    PermanencePhysique = 1,
    /// <summary>Sur rendez-vous.</summary>
    SurRendezVous = 2,
    /// <summary>Permanence en pied d'immeuble.</summary>
    PiedImmeuble = 4,
}
