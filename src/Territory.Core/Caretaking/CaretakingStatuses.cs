namespace Territory.Core.Caretaking;

/// <summary>Stable codes of <see cref="CaretakingStatus"/> and <see cref="CaretakingCase"/> (JSON, exports, catalogue).</summary>
public static class CaretakingStatuses
{
    /// <summary><c>applies</c>, <c>not_applicable</c>, <c>to_check</c> or <c>not_assessable</c>.</summary>
    public static string Code(this CaretakingStatus status) => status switch
    {
        CaretakingStatus.Applies => "applies",
        CaretakingStatus.NotApplicable => "not_applicable",
        CaretakingStatus.ToCheck => "to_check",
        CaretakingStatus.NotAssessable => "not_assessable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Catalogue code of the status label (« applicable », « à vérifier »…).</summary>
    public static string LabelCode(this CaretakingStatus status) => "caretaking_status_" + status.Code();

    /// <summary><c>priority_district</c>, <c>commune_population</c>, <c>urban_area</c>, or null.</summary>
    public static string? Code(this CaretakingCase @case) => @case switch
    {
        CaretakingCase.PriorityDistrict => "priority_district",
        CaretakingCase.CommunePopulation => "commune_population",
        CaretakingCase.UrbanArea => "urban_area",
        _ => null,
    };

    /// <summary>The most telling of two statuses for a summary: applies, then to check, then not assessable, then not applicable.</summary>
    internal static CaretakingStatus Strongest(CaretakingStatus a, CaretakingStatus b) => Rank(a) <= Rank(b) ? a : b;

    private static int Rank(CaretakingStatus s) => s switch
    {
        CaretakingStatus.Applies => 0,
        CaretakingStatus.ToCheck => 1,
        CaretakingStatus.NotAssessable => 2,
        _ => 3,
    };
}
