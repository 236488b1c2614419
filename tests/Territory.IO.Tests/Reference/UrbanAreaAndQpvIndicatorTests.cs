using NetTopologySuite.Geometries;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Reference;

namespace Territory.IO.Tests.Reference;

/// <summary>Urban areas of communes from a reference CSV, QPV indicators joined by code, site staff per estate at import.</summary>
public sealed class UrbanAreaAndQpvIndicatorTests
{
    private static readonly Geometry Square = new GeometryFactory(new PrecisionModel(), 2154).ToGeometry(new Envelope(0, 1000, 0, 1000));

    [Fact]
    public void Merge_UrbanAreaCsv_FillsCodeAndPopulationKeepsKnownOnes()
    {
        var csv = TestData.WriteFile("aires.csv", "code_insee;aire_urbaine;population_aire_urbaine\n31069;004;1360000\n31555;004;1360000\n81004;000;\n");
        var source = CommunePopulationSource.Read(csv);
        Assert.True(source.ProvidesUrbanArea);
        Commune[] project =
        [
            new() { Code = "31069", Geometry = Square, Population = 26_466 },
            new() { Code = "81004", Geometry = Square },
            new() { Code = "31555", Geometry = Square, UrbanAreaCode = "999" },
        ];
        var merge = CommuneReferenceMerger.Merge(project, [source], overwrite: false);
        Assert.Equal(2, merge.UrbanAreasFilled);
        Assert.Equal(("004", 1_360_000), (merge.Communes[0].UrbanAreaCode, merge.Communes[0].UrbanAreaPopulation!.Value));
        Assert.Equal(26_466, merge.Communes[0].Population);
        Assert.Equal("000", merge.Communes[1].UrbanAreaCode);
        Assert.Equal("999", merge.Communes[2].UrbanAreaCode);
    }

    [Fact]
    public void Join_QpvIndicatorCsv_UpdatesByCodeAndReportsUnknownCodes()
    {
        var csv = TestData.WriteFile("qp.csv", "code_qp,nom_qp,pop_mun,ind_jeune,disp_q2,tp60\nQP031001,Empalot,5200,0.7,13305,43.9\nQP099999,Ailleurs,1000,1.2,15000,20\n");
        Assert.True(QpvIndicators.IsAttributeTable(csv));
        PriorityDistrict[] districts =
        [
            new() { Code = "QP031001", Name = "Empalot", Geometry = Square },
            new() { Code = "QP031002", Name = "Bagatelle", Geometry = Square, Population = 9000 },
        ];
        var result = QpvIndicators.Join(csv, districts, 2154);
        Assert.Equal(2, result.Read);
        Assert.Equal(2, result.Districts.Count);
        var empalot = result.Districts[0];
        Assert.Equal((5200, 0.7, 13305.0, 43.9), (empalot.Population!.Value, empalot.YouthIndex!.Value, empalot.MedianIncome!.Value, empalot.PovertyRate!.Value));
        Assert.Same(Square, empalot.Geometry);
        Assert.Equal(9000, result.Districts[1].Population);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(ImportIssueSeverity.Rejected, issue.Severity);
        Assert.Contains("QP099999", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Join_NoQpvLayerOrNoIndicator_RefusedWithAReason()
    {
        var csv = TestData.WriteFile("qp.csv", "code_qp,pop_mun\nQP031001,5200\n");
        var none = Assert.Throws<ReasonException>(() => QpvIndicators.Join(csv, [], 2154));
        Assert.Equal("qpv_indicators_no_layer", none.Reason.Code);
        var bare = TestData.WriteFile("qp2.csv", "code_qp,nom_qp\nQP031001,Empalot\n");
        var nothing = Assert.Throws<ReasonException>(() => QpvIndicators.Join(bare, [new PriorityDistrict { Code = "QP031001", Geometry = Square }], 2154));
        Assert.Equal("qpv_indicators_nothing", nothing.Reason.Code);
        Assert.False(QpvIndicators.IsAttributeTable(TestData.WriteFile("qpv.csv", "code_qp,wkt\nQP031001,\"POLYGON ((0 0, 1 0, 1 1, 0 0))\"\n")));
    }

    [Fact]
    public void Import_EstatesWithGardiensColumn_SiteStaffPerEstateInFte()
    {
        var csv = TestData.WriteFile("patrimoine.csv", "id;nb_logements;typeconst;gardiens;lon;lat\nA;150;C;1,5;1.44;43.60\nB;40;C;;1.45;43.61\n");
        var result = LayerImporter.Import(csv, LayerKind.Estates, new ImportOptions());
        Assert.Equal(1.5, result.Estates.Single(e => e.Id == "A").SiteStaffFte);
        Assert.Null(result.Estates.Single(e => e.Id == "B").SiteStaffFte);
    }
}
