using System.Text.Json;
using Microsoft.Data.Sqlite;
using Territory.IO.GeoPackage;
using Xunit.Abstractions;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Cli.Tests.RealGeography;

/// <summary>
/// End to end on real geography: Haute-Garonne and Tarn communes, the 2015 QPV, populations from
/// Etalab and the INSEE density grid, a synthetic landlord, then <c>territory analyse</c>.
/// </summary>
public sealed class SyntheticLandlordTypologyTests(ITestOutputHelper output)
{
    private const int Seed = 31_81;

    [Fact]
    public void Analyse_SyntheticLandlordOnHauteGaronneAndTarn_ExpectedTypesAndRecommendations()
    {
        if (EtalabCommunes.PathOrNull(output) is not { } etalab)
            return;
        using var tmp = TestPaths.Temp();
        var project = tmp.File("garonne-tarn.gpkg");
        Import(TestPaths.Shared("communes/communes-31-haute-garonne.geojson"), project, "communes");
        Import(TestPaths.Shared("communes/communes-81-tarn.geojson"), project, "communes", "--append");
        Import(TestPaths.Shared("qpv/qpv_occitanie_ouest.geojson"), project, "qpv");

        var enrich = CliRun.Invoke("communes", "enrich", project, "--from", etalab,
            "--from", TestPaths.Shared("communes/communes_20k_hab_densite_shared.csv"), "--json").Json();
        Assert.Equal(587 + 319, enrich.GetProperty("communes").GetInt32());
        Assert.True(enrich.GetProperty("matched").GetInt32() >= 890, enrich.ToString());
        // Blagnac, Colomiers, Cugnaux, Muret, Toulouse, Tournefeuille, Albi, Castres.
        Assert.Equal(8, enrich.GetProperty("density_levels_filled").GetInt32());

        SyntheticLandlord plan;
        using (var store = GeoPackageProjectStore.Open(project))
        {
            Assert.Equal(2154, store.WorkingCrs);
            var communes = store.ReadCommunes();
            Assert.Equal(1, communes.Single(c => c.Code == SyntheticLandlord.Toulouse).DensityLevel);
            plan = SyntheticLandlord.Place(communes, store.ReadDistricts(), Seed);
        }
        plan.WriteCsv(tmp.File("patrimoine.csv"), tmp.File("agences.csv"));
        Import(tmp.File("patrimoine.csv"), project, "estates");
        Import(tmp.File("agences.csv"), project, "agencies");

        var analysis = CliRun.Invoke("analyse", project, "--json").Json();
        var territories = analysis.GetProperty("territories").EnumerateArray().ToList();
        foreach (var t in territories)
            output.WriteLine($"{t.GetProperty("id").GetString(),-22} {t.GetProperty("type").GetString(),-18} {t.GetProperty("dwellings").GetInt32(),5} logements, ETP gardiennage {t.GetProperty("caretaking").GetProperty("required_fte").GetDouble()}");

        foreach (var qpv in plan.ToulouseQpvs)
        {
            var part = territories.Single(t => Text(t, "qpv_code") == qpv);
            Assert.Equal(SyntheticLandlord.Toulouse, Text(part, "commune_code"));
            Assert.Equal("priority_district", Text(part, "type"));
            Assert.True(part.GetProperty("caretaking").GetProperty("required_fte").GetDouble() > 0, $"{qpv}: caretaking FTE expected for ≥ 150 collective dwellings");
        }
        var city = territories.Single(t => Text(t, "commune_code") == SyntheticLandlord.Toulouse && Text(t, "qpv_code") is null);
        Assert.Equal("urban_collective", Text(city, "type"));
        Assert.Equal("isolated", Text(territories.Single(t => Text(t, "commune_code") == plan.IsolatedCommune), "type"));
        Assert.Equal(5, plan.Villages.Count);
        foreach (var village in plan.Villages)
            Assert.Equal("rural_diffuse", Text(territories.Single(t => Text(t, "commune_code") == village), "type"));

        foreach (var t in territories)
        {
            Assert.NotEmpty(t.GetProperty("reasons").EnumerateArray());
            Assert.NotEmpty(t.GetProperty("presence").EnumerateArray());
            Commands.PlanContract.AssertTerritory(t);
        }
        var shared = territories.Single(t => Text(t, "qpv_code") == plan.SharedQpv);
        Assert.Contains(shared.GetProperty("presence").EnumerateArray(), r => Text(r, "form") == "inter_landlord" && Text(r, "status") == "to_create");
        var alone = territories.Single(t => Text(t, "qpv_code") == plan.ToulouseQpvs[1]);
        Assert.DoesNotContain(alone.GetProperty("presence").EnumerateArray(), r => Text(r, "form") == "inter_landlord" && Text(r, "status") == "to_create");

        // Density levels given by the INSEE grid are not flagged as estimated; small communes still are.
        var density = DensityFlags(project);
        Assert.Equal((1L, false), density[SyntheticLandlord.Toulouse]);
        Assert.All(plan.ToulouseQpvs, q => Assert.Equal((1L, false), density[$"{SyntheticLandlord.Toulouse}-{q}"]));
        Assert.True(density[plan.IsolatedCommune].Estimated);
        Assert.All(plan.Villages, v => Assert.True(density[v] is { Level: 6 or 7, Estimated: true }, $"{v}: {density[v]}"));
    }

    private static void Import(string file, string project, string kind, params string[] extra)
    {
        var run = CliRun.Invoke(["import", file, "--into", project, "--as", kind, "--json", .. extra]);
        Assert.True(run.ExitCode == 0, $"import {Path.GetFileName(file)}: {run.Error}");
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The <c>territories</c> result layer that <c>analyse</c> writes into the project: territory id → (level, estimated).</summary>
    private static Dictionary<string, (long Level, bool Estimated)> DensityFlags(string project)
    {
        var flags = new Dictionary<string, (long, bool)>(StringComparer.Ordinal);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = project, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT territory_id, density_level, density_estimated FROM territories";
        using var r = cmd.ExecuteReader();
        while (r.Read())
            flags[r.GetString(0)] = (r.IsDBNull(1) ? 0 : r.GetInt64(1), !r.IsDBNull(2) && r.GetInt64(2) != 0);
        return flags;
    }
}
