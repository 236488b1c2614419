using Territory.Core.Typology;

namespace Territory.Planning.Service;

/// <summary>How networks are compared.</summary>
public sealed record ComparisonOptions
{
    /// <summary>Thresholds of the « within » shares, minutes.</summary>
    public IReadOnlyList<double> ThresholdsMinutes { get; init; } = [20, 30, 45];

    /// <summary>Cut-off of the « estates beyond » count, minutes.</summary>
    public double CutoffMinutes { get; init; } = 30;

    /// <summary>Typology thresholds of the analysis behind types, plans and caretaking.</summary>
    public TypologyConfig Config { get; init; } = TypologyConfig.Default;

    /// <summary>Base of the mobile round (a presence point id); null takes the agency nearest the stops' centre.</summary>
    public string? RoundBaseId { get; init; }

    /// <summary>Time spent at each mobile stop, minutes.</summary>
    public double RoundStopMinutes { get; init; } = 120;

    /// <summary>Working days a week of the round.</summary>
    public int RoundDays { get; init; } = 5;

    /// <summary>Longest working day of the round, hours.</summary>
    public double RoundDayHours { get; init; } = 7;

    /// <summary>Search time of each round's routing solver, seconds.</summary>
    public double RoundTimeLimitSeconds { get; init; } = 5;
}
