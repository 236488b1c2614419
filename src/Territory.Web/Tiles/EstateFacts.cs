using Territory.Core.Typology;
using Territory.Web.State;

namespace Territory.Web.Tiles;

/// <summary>What a tile says of each estate in one project state: the attributes the map styles, filters and clicks on.</summary>
internal sealed class EstateFacts
{
    public EstateFacts(ProjectSnapshot s)
    {
        var estates = s.Data.Estates;
        int n = estates.Count;
        Id = new string[n];
        Dwellings = new int[n];
        Type = new string?[n];
        Landlord = new string?[n];
        Agency = new string?[n];
        TravelAgency = new string?[n];
        Minutes = new double?[n];
        Estimated = new bool[n];
        for (int i = 0; i < n; i++)
        {
            var e = estates[i];
            s.TerritoryOfEstate.TryGetValue(e.Id, out var territory);
            s.AccessByEstate.TryGetValue(e.Id, out var access);
            Id[i] = e.Id;
            Dwellings[i] = e.Dwellings;
            Type[i] = territory?.Type.Code();
            Landlord[i] = e.Landlord;
            Agency[i] = e.AgencyId;
            TravelAgency[i] = access?.AgencyId;
            Minutes[i] = access?.DurationSeconds is double sec ? Math.Round(sec / 60, 1) : null;
            Estimated[i] = access?.Estimated ?? true;
        }
    }

    public string[] Id { get; }
    public int[] Dwellings { get; }
    /// <summary>Code of the estate's territory type; null outside any territory.</summary>
    public string?[] Type { get; }
    public string?[] Landlord { get; }
    /// <summary>Managing agency.</summary>
    public string?[] Agency { get; }
    /// <summary>Agency the travel time is from (the managing one, else the nearest).</summary>
    public string?[] TravelAgency { get; }
    /// <summary>Travel time, minutes (one decimal); null when unreachable.</summary>
    public double?[] Minutes { get; }
    public bool[] Estimated { get; }

    public bool Keeps(TileFilter filter, int i) => filter.IsNone || filter.Keeps(Type[i], Landlord[i], Agency[i], TravelAgency[i], Minutes[i]);
}
