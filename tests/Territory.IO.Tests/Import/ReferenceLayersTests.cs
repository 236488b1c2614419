using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.IO.Import;

namespace Territory.IO.Tests.Import;

public sealed class ReferenceLayersTests
{
    [Fact]
    public void Import_CommunesHauteGaronne_Reads587WithInseeCodes()
    {
        var r = LayerImporter.Import(TestData.Geo("communes/communes-31-haute-garonne.geojson"), LayerKind.Communes, new ImportOptions());

        ImportAssert.Balanced(r);
        Assert.Equal(587, r.Read);
        Assert.Equal(587 - r.Rejected, r.Communes.Count);
        Assert.Equal(0, r.Rejected);
        Assert.All(r.Communes, c => Assert.Matches("^31[0-9]{3}$", c.Code));
        Assert.Contains(r.Communes, c => c.Code == "31555" && c.Name == "Toulouse");
        Assert.Equal("code", r.Mapping[TargetFields.Id]);
    }

    [Theory]
    [InlineData("communes-09-ariege.geojson", 331)]
    [InlineData("communes-12-aveyron.geojson", 285)]
    [InlineData("communes-32-gers.geojson", 462)]
    [InlineData("communes-46-lot.geojson", 320)]
    [InlineData("communes-65-hautes-pyrenees.geojson", 470)]
    [InlineData("communes-81-tarn.geojson", 319)]
    [InlineData("communes-82-tarn-et-garonne.geojson", 195)]
    public void Import_CommunesDepartment_ReadsSourcesCount(string file, int expected)
    {
        var r = LayerImporter.Import(TestData.Geo("communes/" + file), LayerKind.Communes, new ImportOptions());

        ImportAssert.Balanced(r);
        Assert.Equal(expected, r.Read);
        Assert.Equal(expected, r.Accepted + r.Rejected);
        Assert.All(r.Communes, c => Assert.True(c.Geometry.IsValid, c.Code));
    }

    [Fact]
    public void Import_ParisArrondissements_SurfaceInSquareMetresConvertedToKm2()
    {
        var r = LayerImporter.Import(TestData.Geo("communes/paris_arrondissements_shared.geojson"), LayerKind.Communes, new ImportOptions());

        ImportAssert.Balanced(r);
        Assert.Equal(14, r.Accepted);
        Assert.Equal("c_arinsee", r.Mapping[TargetFields.Id]);
        Assert.Equal("surface", r.Mapping[TargetFields.Area]);
        Assert.All(r.Communes, c => Assert.Equal(c.Geometry.Area / 1e6, c.AreaKm2!.Value, 0.05 * c.AreaKm2!.Value));
        Assert.Contains(r.Issues, i => i.Field == TargetFields.Area && i.Reason.Contains("m²", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_QpvOccitanieOuest_Reads45WithQpCodes()
    {
        var r = LayerImporter.Import(TestData.Geo("qpv/qpv_occitanie_ouest.geojson"), LayerKind.Qpv, new ImportOptions());

        ImportAssert.Balanced(r);
        Assert.Equal(45, r.Read);
        Assert.Equal(45, r.Districts.Count);
        Assert.All(r.Districts, d => Assert.StartsWith("QP", d.Code));
        Assert.All(r.Districts, d => Assert.NotNull(d.CommuneCode));
        Assert.Equal(CrsRegistry.Wgs84, r.SourceCrs);
    }

    [Fact]
    public void Import_FranceServicesIntoLambert93_OverseasRowsRejectedAsOutOfZone()
    {
        var r = LayerImporter.Import(TestData.Geo("agences/france_services_2020_shared.geojson"), LayerKind.Agencies,
            new ImportOptions { TargetCrs = CrsRegistry.Lambert93 });

        ImportAssert.Balanced(r);
        Assert.Equal(848, r.Read);
        var outOfZone = r.Issues.Where(i => i.Code == "outside_project_zone").ToList();
        // 23 points in departments 971–976 (SOURCES.md subset).
        Assert.Equal(23, outOfZone.Count);
        Assert.Contains(outOfZone, i => i.Reason == "en Guadeloupe, hors de la zone du projet (EPSG:2154)");
        Assert.Contains(outOfZone, i => i.Render(Territory.Core.Messages.Lang.En) == "in Martinique, outside this project's zone (EPSG:2154)");
        Assert.Equal(848 - r.Rejected, r.Agencies.Count);
        Assert.Equal("MATRICULE", r.Mapping[TargetFields.Id]);
        Assert.Equal("lib_france_services", r.Mapping[TargetFields.Name]);
        // « categorie » reads FS, FS itinérante, Antenne…: not a landlord's kinds, so no France Services
        // « Antenne » becomes a landlord antenna; every point takes the default kind, reported once.
        Assert.All(r.Agencies, a => Assert.Equal(AgencyKind.Agence, a.Kind));
        var warning = Assert.Single(r.Issues, i => i.Code == "agency_kinds_not_trusted");
        Assert.Equal(39, warning.Message["recognised"]);
        Assert.Contains("--kind", warning.Reason);
    }

    [Fact]
    public void Import_FranceServicesWithKindOption_EveryPointTakesTheGivenKind()
    {
        var r = LayerImporter.Import(TestData.Geo("agences/france_services_2020_shared.geojson"), LayerKind.Agencies,
            new ImportOptions { TargetCrs = CrsRegistry.Lambert93, DefaultAgencyKind = AgencyKind.LieuRelais });

        Assert.All(r.Agencies, a => Assert.Equal(AgencyKind.LieuRelais, a.Kind));
        Assert.Contains("(type donné par --kind)", Assert.Single(r.Issues, i => i.Code == "agency_kinds_not_trusted").Reason);
    }

    [Fact]
    public void Import_LandlordKindsWithOneOddLabel_KeepsTheKindsAndReportsTheOddOne()
    {
        var text = "id;nom;type;lon;lat\nA1;Agence Nord;Agence;1,44;43,60\nA2;Antenne Sud;Antenne;1,45;43,61\nA3;Loge 3;Loge de gardien;1,46;43,62\nA4;Point accueil;Point info;1,47;43,63\n";
        var r = LayerImporter.Import(TestData.WriteFile("agences.csv", text), LayerKind.Agencies, new ImportOptions());

        Assert.Equal([AgencyKind.Agence, AgencyKind.Antenne, AgencyKind.Loge, AgencyKind.Agence], r.Agencies.Select(a => a.Kind));
        var warning = Assert.Single(r.Issues, i => i.Code == "agency_kinds_unknown");
        Assert.Equal("types de point non reconnus (Point info) : ces points sont importés comme « agence » ; indiquez le type avec --kind (par exemple --kind lieu_relais)", warning.Reason);
    }

    [Fact]
    public void Import_FranceServicesIntoAntillesCrs_KeepsOnlyAntilles()
    {
        var r = LayerImporter.Import(TestData.Geo("agences/france_services_2020_shared.geojson"), LayerKind.Agencies,
            new ImportOptions { TargetCrs = 5490 });

        ImportAssert.Balanced(r);
        Assert.Equal(7, r.Accepted); // 971: 2, 972: 5
        Assert.All(r.Agencies, a => Assert.InRange(a.Location.Y, 1_500_000, 2_050_000));
    }
}
