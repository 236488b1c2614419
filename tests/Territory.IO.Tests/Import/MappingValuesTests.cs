using Territory.Core.Model;
using Territory.IO.Import;

namespace Territory.IO.Tests.Import;

/// <summary>Mapping files give constants and defaults as well as columns; more column names are recognised.</summary>
public sealed class MappingValuesTests
{
    private const string Csv = "id;lon;lat;logements;TYPE\nP1;1,44;43,60;10;I\nP2;1,45;43,61;20;\n";

    [Fact]
    public void Import_ConstantAndDefault_FillEveryRowAndEmptyCells()
    {
        var mapping = TestData.WriteFile("m.json", """
            { "landlord": { "constant": "Habitat 31" },
              "housing": { "column": "TYPE", "default": "C" },
              "construction_year": { "constant": 1975 } }
            """);
        var r = LayerImporter.Import(TestData.WriteFile("p.csv", Csv), LayerKind.Estates, new ImportOptions { MappingFile = mapping });

        Assert.All(r.Estates, e => Assert.Equal("Habitat 31", e.Landlord));
        Assert.All(r.Estates, e => Assert.Equal(1975, e.ConstructionYear));
        Assert.Equal([HousingKind.Individual, HousingKind.Collective], r.Estates.Select(e => e.Housing));
        Assert.Equal("\"Habitat 31\"", r.Mapping[TargetFields.Landlord]);
        Assert.Equal("TYPE | \"C\"", r.Mapping[TargetFields.Housing]);
    }

    [Theory]
    [InlineData("""{ "id": { "constant": "X" } }""", "import_mapping_constant_refused")]
    [InlineData("""{ "housing": { "column": "TYPE", "constant": "C" } }""", "import_mapping_entry_invalid")]
    [InlineData("""{ "housing": 12 }""", "import_mapping_entry_invalid")]
    [InlineData("""[ "housing" ]""", "import_mapping_not_object")]
    public void Import_BadMappingEntry_OneReasonNamingTheField(string json, string code)
    {
        var mapping = TestData.WriteFile("m.json", json);
        var e = Assert.Throws<ImportException>(() =>
            LayerImporter.Import(TestData.WriteFile("p.csv", Csv), LayerKind.Estates, new ImportOptions { MappingFile = mapping }));
        Assert.Equal(code, e.Reason.Code);
    }

    [Fact]
    public void Import_CentreCoordinatesAndRplsNames_Recognised()
    {
        var text = "code_ensemble;nom_ensemble;denomination;nombre_de_logements;typeconst;annee_de_construction;codgeo;longitude_centre;latitude_centre\n"
                 + "E1;Les Tilleuls;Habitat Sud;42;C;1972;31555;1,4442;43,6047\n";
        var r = LayerImporter.Import(TestData.WriteFile("rpls.csv", text), LayerKind.Estates, new ImportOptions());
        var e = Assert.Single(r.Estates);
        Assert.Equal(("E1", "Les Tilleuls", "Habitat Sud", 42, 1972, "31555"), (e.Id, e.Name, e.Landlord, e.Dwellings, e.ConstructionYear, e.CommuneCode));
        Assert.Equal("longitude_centre", r.Mapping[TargetFields.Longitude]);
    }

    [Theory]
    [InlineData("18", "Paris", "75118")]
    [InlineData("3", "Lyon", "69383")]
    [InlineData("16", "Marseille", "13216")]
    [InlineData("21", "Paris", null)]
    [InlineData("3", "Toulouse", null)]
    public void ArrondissementCode_PlmCities_InseeCode(string number, string city, string? expected) =>
        Assert.Equal(expected, RowMapper.ArrondissementCode(number, city));
}
