using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.IO.Import;

namespace Territory.IO.Tests.Import;

public sealed class ParisProgrammesTests
{
    private static readonly Lazy<ImportResult> Paris = new(() =>
        LayerImporter.Import(TestData.ParisProgrammes, LayerKind.Estates, new ImportOptions()));

    [Fact]
    public void Import_ParisProgrammes_ReadsAllFeaturesAndBalances()
    {
        var r = Paris.Value;
        Assert.Equal(2858, r.Read);
        Assert.Equal(2857, r.Accepted);
        Assert.Equal(1, r.Rejected);
        ImportAssert.Balanced(r);
        Assert.Equal(CrsRegistry.Wgs84, r.SourceCrs);
        Assert.Equal(CrsRegistry.Lambert93, r.TargetCrs);
    }

    [Fact]
    public void Import_ParisProgrammes_RejectsNegativeDwellingsWithRowAndField()
    {
        var rejected = Assert.Single(Paris.Value.Issues, i => i.Severity == ImportIssueSeverity.Rejected);
        Assert.Equal(1289, rejected.Row);
        Assert.Equal(TargetFields.Dwellings, rejected.Field);
        Assert.Equal("dwellings_not_positive", rejected.Code);
        Assert.Equal("nombre de logements -8 : ce n'est pas un entier positif", rejected.Reason);
        Assert.Equal("paris_logements_sociaux_finances_shared.geojson", rejected.File);
    }

    [Fact]
    public void Import_ParisProgrammes_AcceptedDwellingsMatchSourcesTotalWithoutTheRegularisation()
    {
        // SOURCES.md: 95,172 financed dwellings including the −8 row.
        Assert.Equal(95_180, Paris.Value.Estates.Sum(e => e.Dwellings));
    }

    [Fact]
    public void Import_ParisProgrammes_DuplicateIdsKeptRenamedAndReported()
    {
        var r = Paris.Value;
        var dups = r.Issues.Where(i => i.Field == TargetFields.Id && i.Code == "id_duplicate").ToList();
        // 11 ids appear twice; for 900 the first occurrence is the rejected −8 row, so the other keeps "900".
        Assert.Equal(10, dups.Count);
        Assert.All(dups, d => Assert.Equal(ImportIssueSeverity.Warning, d.Severity));
        Assert.Equal(r.Estates.Count, r.Estates.Select(e => e.Id).Distinct().Count());
        Assert.Contains(r.Estates, e => e.Id == "225#2");
        Assert.Single(r.Estates, e => e.Id == "900");
        Assert.Contains(dups, d => d.Reason.StartsWith("identifiant 225 en double (première occurrence ligne ", StringComparison.Ordinal) && d.Reason.EndsWith(" : conservé sous 225#2", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_ParisProgrammes_NamedByTheirAddressInTheirArrondissementWithTheirYear()
    {
        var r = Paris.Value;
        Assert.Equal("adresse_programme", r.Mapping[TargetFields.Name]);
        Assert.Equal("annee", r.Mapping[TargetFields.ConstructionYear]);
        var e = r.Estates.First(x => x.Id == "1089");
        Assert.Equal("28, RUE DOUDEAUVILLE 60 RUE STEPHENSON", e.Name);
        Assert.Equal("75118", e.CommuneCode);
        Assert.Equal(2008, e.ConstructionYear);
        Assert.Equal("SIEMP", e.Landlord);
        Assert.All(r.Estates, x => Assert.NotNull(x.Name));
    }

    [Fact]
    public void Import_ParisProgrammes_MappingNamesTheSourceColumns()
    {
        var m = Paris.Value.Mapping;
        Assert.Equal("n_livraison", m[TargetFields.Id]);
        Assert.Equal("nb_logmt_total", m[TargetFields.Dwellings]);
        Assert.Equal("bs", m[TargetFields.Landlord]);
        Assert.False(m.ContainsKey(TargetFields.X));
    }

    [Fact]
    public void Import_ParisProgrammes_PointsLieInParisInLambert93()
    {
        var env = new NetTopologySuite.Geometries.Envelope();
        foreach (var e in Paris.Value.Estates)
            env.ExpandToInclude(e.Geometry.EnvelopeInternal);
        Assert.InRange(env.MinX, 640_000, 660_000);
        Assert.InRange(env.MaxY, 6_860_000, 6_870_000);
        Assert.All(Paris.Value.Estates, e => Assert.Equal(CrsRegistry.Lambert93, e.Geometry.SRID));
    }
}
