namespace Territory.Demo.National;

/// <summary>The 96 metropolitan département codes, each placed on a cell of a 10 × 10 grid over Lambert-93 France.</summary>
/// <remarks>The cells are squares of convenience, not the real départements: the set tests scale, not geography.</remarks>
internal static class NationalDepartements
{
    /// <summary>West edge of the grid (EPSG:2154 metres).</summary>
    public const double MinX = 100_000;

    /// <summary>South edge of the grid.</summary>
    public const double MinY = 6_100_000;

    /// <summary>Width of a département cell.</summary>
    public const double CellWidth = 110_000;

    /// <summary>Height of a département cell.</summary>
    public const double CellHeight = 100_000;

    /// <summary>Columns of the grid.</summary>
    public const int Columns = 10;

    /// <summary>The codes in order: 01–19, 2A, 2B, 21–95.</summary>
    public static IReadOnlyList<string> Codes { get; } =
        Enumerable.Range(1, 19).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture))
            .Concat(["2A", "2B"])
            .Concat(Enumerable.Range(21, 75).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>South-west corner of the cell of the <paramref name="index"/>-th département.</summary>
    public static (double X, double Y) Origin(int index) =>
        (MinX + index % Columns * CellWidth, MinY + index / Columns * CellHeight);
}
