using Territory.Core.Model;
using Territory.IO.Import;

namespace Territory.IO.Tests.Import;

public sealed class FieldMappingTests
{
    [Theory]
    [InlineData("nb_logements")]
    [InlineData("nb_logmt_total")]
    [InlineData("NB_LOGEMENTS")]
    [InlineData("logements")]
    [InlineData("nb_lgt")]
    [InlineData("dwellings")]
    [InlineData("Nb Logements")]
    [InlineData("Nombre_Logements")]
    public void Resolve_DwellingsColumnVariants_Recognised(string column)
    {
        var map = FieldMapping.Resolve(LayerKind.Estates, ["id", column, "lon", "lat"], null, "f.csv", nativeGeometry: false);
        Assert.Equal(column, map.Names[TargetFields.Dwellings]);
        Assert.Equal(1, map[TargetFields.Dwellings]);
    }

    [Theory]
    [InlineData(LayerKind.Estates, "DEPCOM", TargetFields.CommuneCode)]
    [InlineData(LayerKind.Estates, "TYPECONST", TargetFields.Housing)]
    [InlineData(LayerKind.Estates, "CONSTRUCT", TargetFields.ConstructionYear)]
    [InlineData(LayerKind.Estates, "Année_Construction", TargetFields.ConstructionYear)]
    [InlineData(LayerKind.Estates, "CODE_QP", TargetFields.QpvCode)]
    [InlineData(LayerKind.Estates, "Bailleur", TargetFields.Landlord)]
    [InlineData(LayerKind.Agencies, "Effectif", TargetFields.Staff)]
    [InlineData(LayerKind.Agencies, "gardiens", TargetFields.SiteStaff)]
    [InlineData(LayerKind.Agencies, "Modes d’accueil", TargetFields.Accueil)]
    [InlineData(LayerKind.Agencies, "Modes_Accueil", TargetFields.Accueil)]
    [InlineData(LayerKind.Communes, "grille_densite", TargetFields.DensityLevel)]
    [InlineData(LayerKind.Communes, "superficie", TargetFields.Area)]
    [InlineData(LayerKind.Communes, "nom_commune", TargetFields.Name)]
    [InlineData(LayerKind.Qpv, "code_quartier", TargetFields.Id)]
    [InlineData(LayerKind.Qpv, "nom_qp", TargetFields.Name)]
    public void Resolve_FrenchColumnNames_MapToTarget(LayerKind kind, string column, string? target)
    {
        var map = FieldMapping.Resolve(kind, [column], null, "f.csv", nativeGeometry: true);
        if (target is null)
            Assert.DoesNotContain(column, map.Names.Values);
        else
            Assert.Equal(column, map.Names[target]);
    }

    [Fact]
    public void Resolve_NativeGeometry_IgnoresCoordinateColumns()
    {
        var map = FieldMapping.Resolve(LayerKind.Estates, ["coord_x_l93", "coord_y_l93", "logements"], null, "f.geojson", nativeGeometry: true);
        Assert.False(map.Has(TargetFields.X));
        Assert.Equal("(geometry)", map.Names["geometry"]);
    }

    [Fact]
    public void Resolve_MappingFileOverridesRecognisedName()
    {
        var mapping = TestData.WriteFile("m.json", """{"dwellings":"nb_plai","id":"code_prog"}""");
        var map = FieldMapping.Resolve(LayerKind.Estates, ["code_prog", "nb_logements", "nb_plai"], mapping, "f.csv", nativeGeometry: true);
        Assert.Equal("nb_plai", map.Names[TargetFields.Dwellings]);
        Assert.Equal("code_prog", map.Names[TargetFields.Id]);
    }

    [Fact]
    public void Resolve_MappingFileUnknownTarget_Throws()
    {
        var mapping = TestData.WriteFile("m.json", """{"logements":"NB"}""");
        var e = Assert.Throws<ImportException>(() => FieldMapping.Resolve(LayerKind.Estates, ["NB"], mapping, "f.csv", nativeGeometry: true));
        Assert.Equal("import_mapping_unknown_field", e.Reason.Code);
        Assert.Contains("champ cible « logements » inconnu pour la couche patrimoine", e.Message);
    }

    [Fact]
    public void Resolve_MappingFileNotJson_Throws()
    {
        var mapping = TestData.WriteFile("m.json", "dwellings=NB");
        var e = Assert.Throws<ImportException>(() => FieldMapping.Resolve(LayerKind.Estates, ["NB"], mapping, "f.csv", nativeGeometry: true));
        Assert.StartsWith("m.json :", e.Message);
    }

    [Theory]
    [InlineData("Agence", AgencyKind.Agence)]
    [InlineData("antenne", AgencyKind.Antenne)]
    [InlineData("Loge de gardien", AgencyKind.Loge)]
    [InlineData("Lieu relais", AgencyKind.LieuRelais)]
    [InlineData("Siège", AgencyKind.Siege)]
    [InlineData("Bureau de proximité", AgencyKind.BureauProximite)]
    [InlineData("Agence mobile", AgencyKind.ArretAgenceMobile)]
    [InlineData("lieu_relais", AgencyKind.LieuRelais)]
    public void AgencyKindOf_FrenchLabel_ReturnsKind(string label, AgencyKind expected) =>
        Assert.Equal(expected, Labels.AgencyKindOf(label));

    [Theory]
    [InlineData("FS itinerante")]
    [InlineData("FS")]
    [InlineData("Antenne France Services")]
    public void AgencyKindOf_LabelOnlyContainingAKindWord_IsNotAConfidentMatch(string label) =>
        Assert.Null(Labels.AgencyKindOf(label));

    [Fact]
    public void AccueilOf_List_CombinesModes() =>
        Assert.Equal(AccueilModes.PermanencePhysique | AccueilModes.SurRendezVous,
            Labels.AccueilOf("Permanence physique, sur rendez-vous"));

    [Theory]
    [InlineData("C", HousingKind.Collective)]
    [InlineData("I", HousingKind.Individual)]
    [InlineData("E", HousingKind.Student)]
    [InlineData("collectif", HousingKind.Collective)]
    [InlineData("?", HousingKind.Unknown)]
    public void HousingOf_RplsTypeconst_ReturnsKind(string label, HousingKind expected) =>
        Assert.Equal(expected, Labels.HousingOf(label));
}
