using Territory.IO.Import;

namespace Territory.IO.Reference;

/// <summary>Reads the INSEE communal density grid (7 levels) from its French labels.</summary>
/// <remarks>
/// Labels, not codes: some published files number the levels in another order (the shared
/// communes-france extract codes « Petites villes » 3 and « Ceintures urbaines » 4). Labels are
/// compared case- and accent-insensitively.
/// </remarks>
internal static class DensityLabels
{
    private static readonly Dictionary<string, int> Levels = new(StringComparer.Ordinal)
    {
        [Key("Grands centres urbains")] = 1,
        [Key("Centres urbains intermédiaires")] = 2,
        [Key("Ceintures urbaines")] = 3,
        [Key("Petites villes")] = 4,
        [Key("Bourgs ruraux")] = 5,
        [Key("Rural à habitat dispersé")] = 6,
        [Key("Rural à habitat très dispersé")] = 7,
    };

    /// <summary>The level 1–7 of a label, or null when the label is not one of the seven.</summary>
    public static int? LevelOf(string label) => Levels.TryGetValue(Key(label), out var level) ? level : null;

    private static string Key(string label) => ColumnNames.Normalize(label).Replace("__", "_", StringComparison.Ordinal);
}
