using Territory.Core.Messages;

namespace Territory.Core.Analysis;

/// <summary>Responsibility perimeter models 1–6 (« Le périmètre de responsabilité des agences », questionnaire 2022).</summary>
public static class PerimeterModels
{
    /// <summary>Mission codes, in the source table's column order; labels are <c>mission_</c> + code in the catalogue.</summary>
    public static IReadOnlyList<string> Missions { get; } =
    [
        "demand_allocation", "tenancy", "litigation", "social_support", "mediation", "site_upkeep", "planned_upkeep", "dsu",
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

    /// <summary>The responsibility of a model for one mission code (C, P or NR); null for an unknown model.</summary>
    public static string? Responsibility(int? model, string mission)
    {
        var row = Responsibilities(model);
        var i = Missions.ToList().IndexOf(mission);
        return row.Count == 0 || i < 0 ? null : row[i];
    }

    /// <summary>Label of a model.</summary>
    public static Message Label(int? model) =>
        model is >= 1 and <= 6 ? Message.Of($"perimeter_model_{model}") : Message.Of("perimeter_model_none");
}
