using System.Text.RegularExpressions;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using static Territory.Store.Tests.GeoPackage.StoreTestData;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Store.Tests.GeoPackage;

public sealed class OgrInfoValidationTests
{
    [OgrInfoFact]
    public void OgrInfo_ProjectWithFourLayers_ListsThemInLambert93WithoutWarnings()
    {
        using var tmp = new TempGpkg();
        using (var store = GeoPackageProjectStore.Open(tmp.Path))
        {
            store.ImportLayer(CommunesResult(Communes));
            store.ImportLayer(DistrictsResult(Districts));
            store.ImportLayer(Estates([Estate("a", "POINT (200 200)"), Estate("b", "POLYGON ((1100 100, 1200 100, 1200 200, 1100 200, 1100 100))"), Estate("c", "POINT (1 1)")]));
            store.ImportLayer(Result(LayerKind.Agencies) with
            {
                Agencies = [new Agency { Id = "AG", Location = (NetTopologySuite.Geometries.Point)G("POINT (500 500)"), Accueil = AccueilModes.SurRendezVous }],
                Read = 1,
            });
        }

        var (exit, output, error) = OgrInfo.Run("-so", "-al", tmp.Path);

        Assert.True(exit == 0, $"ogrinfo exit {exit}: {error}");
        Assert.True(string.IsNullOrWhiteSpace(error), $"ogrinfo printed on stderr: {error}");
        Assert.DoesNotContain("Warning", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
        var expected = new Dictionary<string, int> { ["estates"] = 3, ["agencies"] = 1, ["communes"] = 2, ["qpv"] = 1 };
        foreach (var (layer, count) in expected)
        {
            var section = Section(output, layer);
            Assert.Contains($"Feature Count: {count}", section);
            Assert.Matches(new Regex("ID\\[\"EPSG\",2154\\]|\"EPSG\",\"2154\""), section);
        }
        Assert.Contains("Geometry: Multi Polygon", Section(output, "communes"));
        Assert.Contains("Geometry: Point", Section(output, "agencies"));
        Assert.Contains("dwellings: Integer", Section(output, "estates"));
        Assert.Contains("accueil_rendez_vous: Integer(Boolean)", Section(output, "agencies"));
    }

    private static string Section(string output, string layer)
    {
        var start = output.IndexOf($"Layer name: {layer}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"ogrinfo does not list layer {layer}:\n{output}");
        var end = output.IndexOf("Layer name: ", start + 12, StringComparison.Ordinal);
        return end < 0 ? output[start..] : output[start..end];
    }
}
