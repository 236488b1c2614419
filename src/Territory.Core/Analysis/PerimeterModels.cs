namespace Territory.Core.Analysis;

/// <summary>Responsibility perimeter models 1–6 of seed 003 (« Le périmètre de responsabilité des agences »).</summary>
public static class PerimeterModels
{
    /// <summary>Missions, in the seed's column order.</summary>
    public static IReadOnlyList<string> Missions { get; } =
    [
        "Gestion demande et attribution", "Installation et vie du bail", "Précontentieux / contentieux",
        "Accompagnement social", "Médiation", "Gestion de site et entretien courant", "Entretien programmé", "DSU",
    ];

    private static readonly string[][] Table =
    [
        ["NR", "C", "NR", "NR", "P", "C", "NR", "NR"],
        ["NR", "C", "NR", "P", "P", "C", "NR", "P"],
        ["C", "C", "NR", "NR", "P", "C", "NR", "P"],
        ["C", "C", "P", "P", "P", "C", "NR", "P"],
        ["C", "C", "C", "C", "C", "C", "NR", "P"],
        ["C", "C", "C", "C", "C", "C", "C", "C"],
    ];

    /// <summary>C (complète), P (partielle) or NR (non responsable) per mission for model 1–6; empty otherwise.</summary>
    public static IReadOnlyList<string> Responsibilities(int? model) =>
        model is >= 1 and <= 6 ? Table[model.Value - 1] : [];

    /// <summary>French label of a model.</summary>
    public static string Label(int? model) => model switch
    {
        1 => "Modèle 1 « gestion courante »",
        2 => "Modèle 2",
        3 => "Modèle 3 « intermédiaire »",
        4 => "Modèle 4",
        5 => "Modèle 5 « complet »",
        6 => "Modèle 6 (complet, y compris entretien programmé et DSU)",
        _ => "Modèle de périmètre non renseigné",
    };
}
