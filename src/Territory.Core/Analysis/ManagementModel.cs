namespace Territory.Core.Analysis;

/// <summary>Agency management model of seed 003 « Le management d'agence », from its staff.</summary>
/// <param name="Model">1, 2 or 3; null when staff is unknown.</param>
/// <param name="Transition">True for 26–30 collaborators, between the seed's model 2 (15–25) and model 3 (&gt; 30).</param>
/// <param name="Description">French description with the staff count.</param>
public sealed record ManagementModel(int? Model, bool Transition, string Description)
{
    /// <summary>
    /// Model from collaborators excluding site staff: &lt; 15 → 1; 15–25 → 2; 26–30 → 2 flagged
    /// transition (the seed leaves this gap; a head with one deputy still fits, specialised deputies are
    /// the seed's answer above 30); &gt; 30 → 3.
    /// </summary>
    public static ManagementModel FromStaff(int? staff) => staff switch
    {
        null => new(null, false, "Effectif inconnu : modèle de management non déterminé."),
        < 15 => new(1, false, $"Modèle 1 ({staff} collaborateurs hors personnel de site, < 15) : le responsable d'agence manage directement les équipes opérationnelles."),
        <= 25 => new(2, false, $"Modèle 2 ({staff} collaborateurs, 15 à 25) : responsable d'agence et adjoint, généralement en charge de la technique."),
        <= 30 => new(2, true, $"Modèle 2, zone de transition ({staff} collaborateurs, entre 25 et 30 que le seed ne couvre pas) : un adjoint suffit encore, "
                            + "envisager des adjoints spécialisés (modèle 3) si l'effectif croît."),
        _ => new(3, false, $"Modèle 3 ({staff} collaborateurs, > 30) : responsable d'agence et adjoints spécialisés gestion locative et technique."),
    };
}
