using System.Globalization;
using System.Text;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Territory.Core.Enrichment;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store.Tests.Stores;

namespace Territory.Store.Tests.Import;

/// <summary>
/// The commune and QPV joins of an import against the join as it was first written (an STRtree over the polygons'
/// envelopes, every candidate's point-in-area locator, the first polygon in layer order), on the real communes and QPV
/// of Occitanie-Ouest (<c>../shared/geodata</c>), at their vertices (points on shared boundaries), edge midpoints,
/// interior points and random points: in memory, and stored by each store (with the PostGIS département partition).
/// </summary>
public sealed class RealJoinTests
{
    private const int Lambert93 = 2154;

    [Fact]
    public void Enrich_RealCommunesAndQpvBoundaries_SameCodesAsTheEnvelopeTreeJoin()
    {
        if (RealAreas.Load() is not { } areas)
            return;
        var points = Probes(areas, vertexStride: 2, random: 50_000);
        var estates = points.Select((p, i) => Estate(i, p)).ToList();

        var joined = new SpatialEnricher(areas.Communes, areas.Districts).Enrich(estates).Estates;

        var communes = new EnvelopeTreeJoin(areas.Communes.Select(c => (c.Code, c.Geometry)));
        var districts = new EnvelopeTreeJoin(areas.Districts.Select(d => (d.Code, d.Geometry)));
        var shared = 0;
        for (var i = 0; i < points.Count; i++)
        {
            Assert.Equal(communes.Locate(points[i]), joined[i].CommuneCode);
            Assert.Equal(districts.Locate(points[i]), joined[i].QpvCode);
            shared += communes.Containing(points[i]) > 1 ? 1 : 0;
        }
        // The probes do reach the shared boundaries, where the first commune in layer order must win.
        Assert.True(shared > 10_000, $"{shared} probes on a boundary shared by several communes");
        Assert.True(joined.Count(e => e.QpvCode is not null) > 1_000);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_StreamedOverRealCommunes_StoresTheCodesOfTheEnvelopeTreeJoin(StoreKind kind)
    {
        if (RealAreas.Load() is not { } areas)
            return;
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        var points = Probes(areas, vertexStride: 23, random: 5_000);
        var csv = Csv(points);
        try
        {
            using var store = tmp.Open();
            store.ImportLayer(GeoPackage.StoreTestData.CommunesResult(areas.Communes), LayerWriteOptions.Replace);
            store.ImportLayer(GeoPackage.StoreTestData.DistrictsResult(areas.Districts), LayerWriteOptions.Replace);
            using (var stream = LayerImporter.Open(csv, LayerKind.Estates, new ImportOptions { Crs = "EPSG:2154", TargetCrs = Lambert93 }))
                store.ImportLayer(stream, LayerWriteOptions.Replace);

            var stored = store.ReadEstates();
            Assert.Equal(points.Count, stored.Count);
            var communes = new EnvelopeTreeJoin(areas.Communes.Select(c => (c.Code, c.Geometry)));
            var districts = new EnvelopeTreeJoin(areas.Districts.Select(d => (d.Code, d.Geometry)));
            foreach (var e in stored)
            {
                var at = e.Geometry.Coordinate;
                Assert.Equal(communes.Locate(at), e.CommuneCode);
                Assert.Equal(districts.Locate(at), e.QpvCode);
            }
            if (kind == StoreKind.PostGis)
            {
                // Each row in its département's partition, and a partition for each département met, no other.
                Assert.Equal(0L, tmp.Scalar("SELECT count(*) FROM estates WHERE tableoid::regclass::text <> 'estates_d_' || coalesce(nullif(departement, ''), 'default') OR departement <> coalesce(substr(commune_code, 1, 2), '')"));
                Assert.Equal(tmp.Scalar("SELECT count(DISTINCT departement) FROM estates WHERE departement <> ''"),
                    tmp.Scalar("SELECT count(*) FROM pg_inherits WHERE inhparent = 'estates'::regclass") is long n ? n - 1 : -1);
            }
        }
        finally
        {
            File.Delete(csv);
        }
    }

    /// <summary>Vertices (every <paramref name="vertexStride"/>th) and edge midpoints of every commune and QPV, their interior points, random points over them.</summary>
    private static List<Coordinate> Probes(RealAreas areas, int vertexStride, int random)
    {
        var points = new List<Coordinate>();
        foreach (var g in areas.Communes.Select(c => c.Geometry).Concat(areas.Districts.Select(d => d.Geometry)))
        {
            var ring = g.Coordinates;
            for (var i = 0; i + 1 < ring.Length; i += vertexStride)
            {
                points.Add(ring[i].Copy());
                points.Add(new Coordinate((ring[i].X + ring[i + 1].X) / 2, (ring[i].Y + ring[i + 1].Y) / 2));
            }
            points.Add(g.InteriorPoint.Coordinate.Copy());
        }
        var extent = new Envelope();
        foreach (var c in areas.Communes)
            extent.ExpandToInclude(c.Geometry.EnvelopeInternal);
        var rng = new Random(2154);
        for (var i = 0; i < random; i++)
            points.Add(new Coordinate(extent.MinX + rng.NextDouble() * extent.Width, extent.MinY + rng.NextDouble() * extent.Height));
        return points;
    }

    private static Estate Estate(int i, Coordinate at) =>
        new() { Id = "E" + i.ToString(CultureInfo.InvariantCulture), Dwellings = 1, Geometry = new Point(at) { SRID = Lambert93 } };

    private static string Csv(List<Coordinate> points)
    {
        var text = new StringBuilder("id;x;y;nb_logements\n");
        for (var i = 0; i < points.Count; i++)
            text.Append(CultureInfo.InvariantCulture, $"E{i};{points[i].X:R};{points[i].Y:R};1\n");
        var path = Path.Combine(Path.GetTempPath(), $"territory-join-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>The join as first written: STRtree of envelopes, the first polygon in layer order whose locator does not say exterior.</summary>
    private sealed class EnvelopeTreeJoin
    {
        private readonly STRtree<int> _tree = new();
        private readonly List<(string Code, IndexedPointInAreaLocator Locator)> _areas = [];

        public EnvelopeTreeJoin(IEnumerable<(string Code, Geometry Area)> areas)
        {
            foreach (var (code, area) in areas)
            {
                if (area.IsEmpty || area is not IPolygonal)
                {
                    _areas.Add((code, null!));
                    continue;
                }
                _tree.Insert(area.EnvelopeInternal, _areas.Count);
                _areas.Add((code, new IndexedPointInAreaLocator(area)));
            }
            _tree.Build();
        }

        public string? Locate(Coordinate at)
        {
            var hits = Hits(at);
            return hits.Count == 0 ? null : _areas[hits.Min()].Code;
        }

        public int Containing(Coordinate at) => Hits(at).Count;

        private List<int> Hits(Coordinate at) =>
            _tree.Query(new Envelope(at)).Where(i => _areas[i].Locator.Locate(at) != Location.Exterior).ToList();
    }

    /// <summary>The real communes (8 départements) and QPV of Occitanie-Ouest in Lambert-93, or null when the shared data is absent (fails under CI).</summary>
    private sealed record RealAreas(IReadOnlyList<Commune> Communes, IReadOnlyList<PriorityDistrict> Districts)
    {
        public static RealAreas? Load()
        {
            var root = Root();
            var geodata = Path.GetFullPath(Path.Combine(root, "..", "shared", "geodata"));
            if (!Directory.Exists(geodata))
            {
                Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"{geodata} is required when CI=true.");
                return null;
            }
            var options = new ImportOptions { TargetCrs = Lambert93 };
            var communes = Directory.GetFiles(Path.Combine(geodata, "communes"), "communes-*.geojson").Order(StringComparer.Ordinal)
                .SelectMany(f => LayerImporter.Import(f, LayerKind.Communes, options).Communes).ToList();
            var districts = LayerImporter.Import(Path.Combine(geodata, "qpv", "qpv_occitanie_ouest.geojson"), LayerKind.Qpv, options).Districts;
            return new RealAreas(communes, districts);
        }

        private static string Root()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Territory.sln")))
                    return dir.FullName;
            throw new InvalidOperationException("Territory.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
