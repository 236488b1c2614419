using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Territory.Core.Crs;
using Territory.Core.Model;

namespace Territory.Web.Tiles;

/// <summary>
/// Where the estates are, in Web Mercator metres and in lon/lat, with an STR-tree over them: built once per estates
/// layer (a scenario edit keeps the same estates list, so its snapshots share this).
/// </summary>
internal sealed class EstatePoints
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Estate>, EstatePoints> Built = new();
    private readonly STRtree<int> _tree = new();

    private EstatePoints(IReadOnlyList<Estate> estates, Reprojector toWgs84)
    {
        int n = estates.Count;
        X = new double[n];
        Y = new double[n];
        Lon = new double[n];
        Lat = new double[n];
        for (int i = 0; i < n; i++)
        {
            var g = estates[i].Geometry;
            var p = g as Point ?? g.InteriorPoint;
            var (lon, lat) = toWgs84.Transform(p.X, p.Y);
            (Lon[i], Lat[i]) = (lon, lat);
            (X[i], Y[i]) = WebMercator.FromLonLat(lon, lat);
            _tree.Insert(new Envelope(X[i], X[i], Y[i], Y[i]), i);
        }
        _tree.Build();
    }

    /// <summary>EPSG:3857 x of each estate (its point, or the interior point of its polygon).</summary>
    public double[] X { get; }
    public double[] Y { get; }
    public double[] Lon { get; }
    public double[] Lat { get; }

    /// <summary>The positions of a layer of estates (built on first use).</summary>
    public static EstatePoints Of(IReadOnlyList<Estate> estates, Reprojector toWgs84) => Built.GetValue(estates, e => new EstatePoints(e, toWgs84));

    /// <summary>Indexes of the estates inside a tile (its half-open square, <see cref="TileAddress.Holds"/>).</summary>
    public List<int> In(TileAddress tile)
    {
        var found = new List<int>();
        foreach (var i in _tree.Query(tile.Envelope))
            if (tile.Holds(X[i], Y[i]))
                found.Add(i);
        found.Sort();
        return found;
    }
}
