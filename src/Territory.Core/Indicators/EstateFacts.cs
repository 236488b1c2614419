using NetTopologySuite.Geometries;
using Territory.Core.Model;

namespace Territory.Core.Indicators;

/// <summary>What the analysis knows about one estate once located, reached and compared with its neighbours.</summary>
/// <remarks>Distances in metres (working CRS), durations in seconds.</remarks>
internal sealed record EstateFacts
{
    public required Estate Estate { get; init; }
    public required Point Location { get; init; }
    public string? CommuneCode { get; init; }
    public string? QpvCode { get; init; }
    /// <summary>Landlord name, or empty when the source gives none (one anonymous landlord).</summary>
    public required string LandlordKey { get; init; }
    public string? OriginAgencyId { get; init; }
    public double? TravelSeconds { get; init; }
    public bool TravelEstimated { get; init; }
    public double? NearestSameLandlordMeters { get; set; }
    public int NearbyLandlordDwellings { get; set; }
    /// <summary>Site staff (FTE) working on this estate: declared on it, or its share of a lodge that serves it.</summary>
    public double SiteAgents { get; set; }
    /// <summary>The office (siège, agence, antenne, bureau) the estate depends on: its named agency, else the one that reaches it.</summary>
    public string? ManagingOfficeId { get; set; }

    public int CollectiveDwellings => Estate.Housing is HousingKind.Collective or HousingKind.Student ? Estate.Dwellings : 0;
    public bool HousingKnown => Estate.Housing != HousingKind.Unknown;
}
