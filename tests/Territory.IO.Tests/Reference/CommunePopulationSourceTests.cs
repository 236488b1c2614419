using System.Text;
using Territory.Core.Messages;
using Territory.IO.Import;
using Territory.IO.Reference;

namespace Territory.IO.Tests.Reference;

public sealed class CommunePopulationSourceTests
{
    private const string Etalab = """
        [
          {"code":"31555","nom":"Toulouse","departement":"31","type":"commune-actuelle","population":514819},
          {"code":"31069","nom":"Blagnac","departement":"31","type":"commune-actuelle","population":"beaucoup"},
          {"code":"31001","nom":"Déléguée","departement":"31","type":"commune-deleguee","population":12},
          {"code":"75105","nom":"Paris 5e Arrondissement","departement":"75","type":"arrondissement-municipal","population":55252},
          {"code":"3X1","nom":"Mauvais code","type":"commune-actuelle","population":3},
          {"code":"81004","nom":"Albi","departement":"81","type":"commune-actuelle","population":-4},
          {"code":"81060","nom":"Sans population","departement":"81","type":"commune-actuelle","population":null}
        ]
        """;

    [Fact]
    public void Read_EtalabJson_KeepsCurrentCommunesAndArrondissements()
    {
        var source = CommunePopulationSource.Read(TestData.WriteFile("communes.json", Etalab));

        Assert.Equal(CommuneReferenceFormat.EtalabJson, source.Format);
        Assert.Equal(["31555", "31069", "75105", "81004", "81060"], source.Rows.Select(r => r.Code));
        Assert.Equal(1, source.SkippedRows);
        Assert.Equal(514819, source.Rows[0].Population);
        Assert.True(source.ProvidesPopulation);
        Assert.False(source.ProvidesDensityLevel);
    }

    [Fact]
    public void Read_EtalabBadPopulations_ReportedNotThrown()
    {
        var source = CommunePopulationSource.Read(TestData.WriteFile("communes.json", Etalab));

        Assert.Null(source.Rows.Single(r => r.Code == "31069").Population);
        Assert.Null(source.Rows.Single(r => r.Code == "81004").Population);
        Assert.Null(source.Rows.Single(r => r.Code == "81060").Population);
        Assert.Contains(source.Issues, i => i.Code == "31069" && i.Reason.ToString().Contains("population invalide", StringComparison.Ordinal)
            && i.Reason.Render(Lang.En).StartsWith("invalid population", StringComparison.Ordinal));
        Assert.Contains(source.Issues, i => i.Code == "81004" && i.Row == 6);
        Assert.Contains(source.Issues, i => i.Code == "3X1" && i.Reason.ToString().Contains("code INSEE invalide", StringComparison.Ordinal));
        Assert.DoesNotContain(source.Issues, i => i.Code == "81060");
    }

    [Fact]
    public void Read_TruncatedJson_ThrowsReasonNamingFileInBothLanguages()
    {
        var path = TestData.WriteFile("tronque.json", "[{\"code\":\"31555\",");

        var e = Assert.Throws<ImportException>(() => CommunePopulationSource.Read(path));
        Assert.Equal("reference_json_unreadable", e.Reason.Code);
        Assert.StartsWith("tronque.json : JSON illisible (ligne 1, position ", e.Reason.Render(Lang.Fr), StringComparison.Ordinal);
        Assert.StartsWith("tronque.json: unreadable JSON (line 1, position ", e.Reason.Render(Lang.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_ThrowsReferenceNotFound()
    {
        var e = Assert.Throws<ImportException>(() => CommunePopulationSource.Read(Path.Combine(TestData.NewTempDir(), "absent.csv")));
        Assert.Equal("reference_file_not_found", e.Reason.Code);
    }

    [Fact]
    public void Read_InseeCsvWithUnnamedFirstColumn_ReadsLabelsNotCodes()
    {
        // Same layout as communes-france: unnamed index column, ',' separator, quoted lists with
        // commas, and codes 3/4 swapped relative to INSEE's order: labels must win.
        const string csv = """
            "","code_insee","nom_standard","codes_postaux","population","grille_densite","grille_densite_texte"
            "1","31555","Toulouse","31000, 31100",504078,1,"Grands centres urbains"
            "2","81065","Castres","81100",42672,2,"Centres urbains intermédiaires"
            "3","09122","Foix","09000",9600,3,"Petites villes"
            "4","31149","Colomiers","31770",40159,4,"Ceintures urbaines"
            "5","31999","Nulle part","31000",1 200,9,"Zone lunaire"
            """;
        var source = CommunePopulationSource.Read(TestData.WriteFile("densite.csv", csv));

        Assert.Equal(CommuneReferenceFormat.InseeCsv, source.Format);
        Assert.Equal([1, 2, 4, 3, null], source.Rows.Select(r => r.DensityLevel));
        Assert.Equal(1200, source.Rows[4].Population);
        Assert.Equal("Toulouse", source.Rows[0].Name);
        Assert.Contains(source.Issues, i => i.Code == "31999" && i.Reason.ToString().Contains("Zone lunaire", StringComparison.Ordinal));
        Assert.True(source.ProvidesDensityLevel);
    }

    [Fact]
    public void Read_Windows1252SemicolonCsv_DecodesLabelsAndPadsCodes()
    {
        const string csv = "CODGEO;LIBGEO;PMUN;LIBDENS\r\n1053;Bourg-en-Bresse;41525;Centres urbains intermédiaires\r\n81060;Lacaune;2 512;Rural à habitat très dispersé\r\n81061;Lacrouzette;abc;Rural à habitat dispersé\r\n";
        var path = TestData.WriteFile("insee.csv", csv, TestData.Windows1252);
        Assert.Contains((byte)0xE0, File.ReadAllBytes(path)); // really 1252: 'à' is one byte

        var source = CommunePopulationSource.Read(path);

        Assert.Equal(["01053", "81060", "81061"], source.Rows.Select(r => r.Code));
        Assert.Equal([2, 7, 6], source.Rows.Select(r => r.DensityLevel));
        Assert.Equal([41525, 2512, null], source.Rows.Select(r => r.Population));
        Assert.Single(source.Issues);
        Assert.Equal("81061", source.Issues[0].Code);
    }

    [Fact]
    public void Read_CsvWithoutCodeColumn_ThrowsReasonInBothLanguages()
    {
        var path = TestData.WriteFile("sans-code.csv", "nom;population\nToulouse;500000\n", Encoding.UTF8);

        var e = Assert.Throws<ImportException>(() => CommunePopulationSource.Read(path));
        Assert.StartsWith("sans-code.csv : aucune colonne de code INSEE", e.Reason.Render(Lang.Fr), StringComparison.Ordinal);
        Assert.StartsWith("sans-code.csv: no INSEE code column", e.Reason.Render(Lang.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CsvDensityCodeOnly_ReadsInseeOrderAndRejectsOutOfRange()
    {
        var path = TestData.WriteFile("grille.csv", "codgeo;grille_densite\n81004;2\n81060;7\n81061;8\n");

        var source = CommunePopulationSource.Read(path);

        Assert.Equal([2, 7, null], source.Rows.Select(r => r.DensityLevel));
        Assert.False(source.ProvidesPopulation);
        Assert.Contains(source.Issues, i => i.Code == "81061");
    }
}
