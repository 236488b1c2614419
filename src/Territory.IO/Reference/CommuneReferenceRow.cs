namespace Territory.IO.Reference;

/// <summary>One commune of a reference file: the values it can give a project commune.</summary>
/// <param name="Code">Normalised INSEE code (5 characters).</param>
/// <param name="Name">Name as the source writes it, if any.</param>
/// <param name="Population">Inhabitants; null when the source gives none for this row.</param>
/// <param name="DensityLevel">INSEE density grid level 1–7; null when the source gives none.</param>
/// <param name="Row">Data row number in the file (1-based, header excluded), for the report.</param>
public sealed record CommuneReferenceRow(string Code, string? Name, int? Population, int? DensityLevel, long Row)
{
    /// <summary>Code of the urban area (aire urbaine or aire d'attraction des villes) the commune belongs to; <c>000</c> for none.</summary>
    public string? UrbanArea { get; init; }
    /// <summary>Population of that urban area, when the file gives it.</summary>
    public int? UrbanAreaPopulation { get; init; }
}
