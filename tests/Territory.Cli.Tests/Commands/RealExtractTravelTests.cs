using System.Text;

namespace Territory.Cli.Tests.Commands;

/// <summary>Travel review on a real OpenStreetMap extract (Saint-Barthélemy, working CRS EPSG:5490).</summary>
public sealed class RealExtractTravelTests
{
    [Fact]
    public void TravelTimes_SaintBarthelemy_EstatesOnIslandTimedOffshoreFlagged()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("sb.gpkg");
        var estates = tmp.File("residences.csv");
        // Real places on the island, plus one point in the sea 3 km north of it.
        File.WriteAllText(estates, """
            id;nom;bailleur;nb_logements;typeconst;lon;lat
            SB1;Gustavia centre;Bailleur SB;24;C;-62,8496;17,8970
            SB2;Saint-Jean;Bailleur SB;12;C;-62,8290;17,9010
            SB3;Lorient;Bailleur SB;6;I;-62,8170;17,9050
            SB4;Grand Cul-de-Sac;Bailleur SB;8;I;-62,8000;17,9070
            SB5;Au large;Bailleur SB;4;I;-62,8400;17,9600
            """, new UTF8Encoding(true));
        var agencies = tmp.File("agences.csv");
        File.WriteAllText(agencies, "id;nom;type;lon;lat\nAG1;Agence de Gustavia;agence;-62,8510;17,8960\n", new UTF8Encoding(true));

        var imported = CliRun.Invoke("import", estates, "--into", project, "--as", "estates", "--json").Json();
        Assert.Equal(5, imported.GetProperty("accepted").GetInt32());
        Assert.Equal("EPSG:5490", imported.GetProperty("working_crs").GetString());
        CliRun.Invoke("import", agencies, "--into", project, "--as", "agencies", "--json").Json();
        CliRun.Invoke("roads", "build", TestPaths.Shared("osm/saint_barthelemy.osm.pbf"), "--into", project, "--json").Json();

        var json = CliRun.Invoke("traveltimes", project, "--out", tmp.Path, "--json").Json();
        Assert.False(json.GetProperty("estimated").GetBoolean());
        var agency = json.GetProperty("agencies").EnumerateArray().Single();
        Assert.Equal(4, agency.GetProperty("estates").GetInt32() - agency.GetProperty("unreachable").GetInt32());
        // The island is ~10 km long: every timed estate within a quarter of an hour by car.
        Assert.InRange(agency.GetProperty("max_s").GetDouble(), 60, 900);
        var unreachable = json.GetProperty("unreachable_estates").EnumerateArray().Single();
        Assert.Equal("SB5", unreachable.GetProperty("id").GetString());
        // 3 km out at sea is beyond the hull of the island's roads: outside the network, not timed from the shore.
        Assert.Equal("routing_estate_not_snapped", unreachable.GetProperty("code").GetString());
        Assert.Equal("programme non raccordé au réseau routier : hors de la couverture du réseau routier (au-delà de l'emprise de l'extrait OpenStreetMap)",
            unreachable.GetProperty("reason").GetString());
    }
}
