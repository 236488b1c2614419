using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store.Tests.Stores;
using static Territory.Store.Tests.GeoPackage.StoreTestData;

namespace Territory.Store.Tests.Import;

/// <summary>
/// The département partitions of a streamed PostGIS import, made from the project's communes before the first row:
/// those no row reached are dropped, rows of a département no commune announced get their own partition.
/// </summary>
public sealed class StreamedPartitionTests
{
    private const double X0 = 574_000, Y0 = 6_279_000;

    [Fact]
    public void ImportLayer_StreamedIntoPostGis_PartitionsAreThoseTheRowsNeed()
    {
        using var tmp = TestStore.Create(StoreKind.PostGis);
        if (tmp is null)
            return;
        var csv = Csv();
        try
        {
            using var store = tmp.Open();
            store.ImportLayer(CommunesResult(
            [
                new Commune { Code = "31555", Name = "Toulouse", Geometry = Square(X0, Y0, 1000) },
                new Commune { Code = "32013", Name = "Auch", Geometry = Square(X0 - 60_000, Y0, 1000) },
            ]), LayerWriteOptions.Replace);
            using (var stream = LayerImporter.Open(csv, LayerKind.Estates, new ImportOptions { Crs = "EPSG:2154", TargetCrs = Lambert93 }))
                store.ImportLayer(stream, LayerWriteOptions.Replace);

            Assert.Equal(30, store.ReadEstates().Count);
            // 10 rows in Toulouse; 15 outside every commune whose file says Paris; 5 outside with no commune code.
            Assert.Equal(10L, tmp.Scalar("SELECT count(*) FROM estates_d_31"));
            Assert.Equal(15L, tmp.Scalar("SELECT count(*) FROM estates_d_75"));
            Assert.Equal(5L, tmp.Scalar("SELECT count(*) FROM estates_d_default"));
            Assert.Equal(0L, tmp.Scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'estates_d_32'"));
            Assert.Equal(3L, tmp.Scalar("SELECT count(*) FROM pg_inherits WHERE inhparent = 'estates'::regclass"));
            Assert.Equal(0L, tmp.Scalar("SELECT count(*) FROM estates WHERE tableoid::regclass::text <> 'estates_d_' || coalesce(nullif(departement, ''), 'default')"));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private static string Csv()
    {
        var text = new StringBuilder("id;x;y;nb_logements;depcom\n");
        for (var i = 0; i < 30; i++)
        {
            var (x, y, code) = i switch
            {
                < 10 => (X0 + 100 + i * 50, Y0 + 500, ""),
                < 25 => (X0 + 5_000 + i * 50, Y0 + 500, "75056"),
                _ => (X0 + 9_000 + i * 50, Y0 + 500, ""),
            };
            text.Append(CultureInfo.InvariantCulture, $"E{i};{x};{y};3;{code}\n");
        }
        var path = Path.Combine(Path.GetTempPath(), $"territory-partitions-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static Geometry Square(double x, double y, double size) =>
        new GeometryFactory(new PrecisionModel(), Lambert93).ToGeometry(new Envelope(x, x + size, y, y + size));
}
