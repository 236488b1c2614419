using NetTopologySuite.Geometries;
using Territory.Core.Model;
using Territory.IO.Reference;

namespace Territory.IO.Tests.Reference;

public sealed class CommuneReferenceMergerTests
{
    private static readonly Geometry Square = new GeometryFactory(new PrecisionModel(), 2154).ToGeometry(new Envelope(0, 1000, 0, 1000));

    private static Commune C(string code, int? population = null, int? density = null) =>
        new() { Code = code, Name = "C" + code, Population = population, DensityLevel = density, AreaKm2 = 1, Geometry = Square };

    private static CommuneReferenceSource Source(CommuneReferenceFormat format, params CommuneReferenceRow[] rows) =>
        new() { Path = "/ref", Format = format, Rows = rows };

    private static CommuneReferenceRow R(string code, int? population, int? density = null, long row = 1) => new(code, null, population, density, row);

    [Fact]
    public void Merge_MissingValues_FilledAndUnmatchedListed()
    {
        Commune[] project = [C("31555"), C("81004"), C("31298")];
        var etalab = Source(CommuneReferenceFormat.EtalabJson, R("31555", 514819), R("81004", 51290), R("01001", 860));
        var grid = Source(CommuneReferenceFormat.InseeCsv, R("31555", 504078, 1), R("81004", 49714, 2));

        var merge = CommuneReferenceMerger.Merge(project, [etalab, grid], overwrite: false);

        Assert.Equal(2, merge.Matched);
        Assert.Equal(1, merge.Unmatched);
        Assert.Equal(["31298"], merge.UnmatchedCodes);
        Assert.Equal(514819, merge.Communes[0].Population); // first source wins for population
        Assert.Equal(1, merge.Communes[0].DensityLevel);     // second source gives the density level
        Assert.Equal(2, merge.PopulationsFilled);
        Assert.Equal(2, merge.DensityLevelsFilled);
        Assert.Equal(1, merge.SourceCodesUnknown);
        Assert.Equal(["01001"], merge.UnknownCodes);
        Assert.Same(project[2], merge.Communes[2]);
        Assert.True(Square.EqualsExact(merge.Communes[0].Geometry));
    }

    [Fact]
    public void Merge_ExistingDifferentValuesWithoutOverwrite_Kept()
    {
        Commune[] project = [C("31555", 400000, 2), C("81004", 51290, null)];
        var source = Source(CommuneReferenceFormat.InseeCsv, R("31555", 504078, 1), R("81004", 51290, 2));

        var merge = CommuneReferenceMerger.Merge(project, [source], overwrite: false);

        Assert.Equal(400000, merge.Communes[0].Population);
        Assert.Equal(2, merge.Communes[0].DensityLevel);
        Assert.Equal(1, merge.PopulationsKept);
        Assert.Equal(1, merge.DensityLevelsKept);
        Assert.Equal(0, merge.PopulationsOverwritten);
        Assert.Equal(1, merge.DensityLevelsFilled);
        Assert.Equal(1, merge.Changed);
    }

    [Fact]
    public void Merge_ExistingDifferentValuesWithOverwrite_Replaced()
    {
        Commune[] project = [C("31555", 400000, 2), C("81004", 51290, 2)];
        var source = Source(CommuneReferenceFormat.InseeCsv, R("31555", 504078, 1), R("81004", 51290, 2));

        var merge = CommuneReferenceMerger.Merge(project, [source], overwrite: true);

        Assert.Equal(504078, merge.Communes[0].Population);
        Assert.Equal(1, merge.Communes[0].DensityLevel);
        Assert.Equal(1, merge.PopulationsOverwritten);
        Assert.Equal(1, merge.DensityLevelsOverwritten);
        Assert.Equal(0, merge.PopulationsKept);
        Assert.Equal(1, merge.Changed); // Albi already equal: untouched
        Assert.Same(project[1], merge.Communes[1]);
    }

    [Fact]
    public void Merge_ParisArrondissements_MatchOwnRowsOrInheritDensityOnly()
    {
        Commune[] project = [C("75105"), C("75113")];
        var etalab = Source(CommuneReferenceFormat.EtalabJson, R("75105", 55252), R("75056", 2103778));
        var grid = Source(CommuneReferenceFormat.InseeCsv, R("75056", 2103778, 1));

        var merge = CommuneReferenceMerger.Merge(project, [etalab, grid], overwrite: false);

        Assert.Equal(2, merge.Matched);
        Assert.Equal(1, merge.MatchedViaParent);
        Assert.Equal(55252, merge.Communes[0].Population);
        Assert.Null(merge.Communes[0].DensityLevel); // 75105 has its own row, without density
        Assert.Null(merge.Communes[1].Population);   // never the whole city's population
        Assert.Equal(1, merge.Communes[1].DensityLevel);
        Assert.Equal(0, merge.SourceCodesUnknown);   // 75056 used through its arrondissement
    }

    [Fact]
    public void Merge_DuplicateCodeInOneSource_FirstRowWinsAndCounted()
    {
        var source = Source(CommuneReferenceFormat.InseeCsv, R("31555", 1, row: 1), R("31555", 2, row: 2));

        var merge = CommuneReferenceMerger.Merge([C("31555")], [source], overwrite: false);

        Assert.Equal(1, merge.Communes[0].Population);
        Assert.Equal(1, merge.DuplicateSourceRows);
    }
}
