using System.Text.Json;
using Territory.Store.GeoPackage;
using Xunit.Abstractions;

namespace Territory.Cli.Tests.RealGeography;

/// <summary>
/// Network planning on real geography: Haute-Garonne and Tarn communes and QPV, a synthetic landlord, the France Services
/// points imported as candidates; relay places proposed, the number of sites to reach every estate, and the plan's
/// figures against <c>scenario compare</c>. No OSM extract covers the area: times are straight-line estimates.
/// </summary>
public sealed class PlanGaronneTarnTests(ITestOutputHelper output)
{
    private const int Seed = 31_81;

    [Fact]
    public void PlanSites_FranceServicesAsCandidates_RelayPlacesRaiseCoverageAndCompareAgrees()
    {
        var files = new[] { "communes/communes-31-haute-garonne.geojson", "communes/communes-81-tarn.geojson", "qpv/qpv_occitanie_ouest.geojson", "agences/france_services_2020_shared.geojson" };
        if (files.Select(TestPaths.Shared).FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail($"CI=true et {missing} absent.");
            output.WriteLine($"{missing} absent : test non exécuté.");
            return;
        }
        if (EtalabCommunes.PathOrNull(output) is not { } etalab)
            return;
        using var tmp = TestPaths.Temp();
        var project = tmp.File("garonne-tarn.gpkg");
        Import(TestPaths.Shared(files[0]), project, "communes");
        Import(TestPaths.Shared(files[1]), project, "communes", "--append");
        Import(TestPaths.Shared(files[2]), project, "qpv");
        CliRun.Invoke("communes", "enrich", project, "--from", etalab, "--from", TestPaths.Shared("communes/communes_20k_hab_densite_shared.csv"), "--json").Json();
        SyntheticLandlord landlord;
        using (var store = GeoPackageProjectStore.Open(project))
            landlord = SyntheticLandlord.Place(store.ReadCommunes(), store.ReadDistricts(), Seed);
        landlord.WriteCsv(tmp.File("patrimoine.csv"), tmp.File("agences.csv"));
        Import(tmp.File("patrimoine.csv"), project, "estates");
        Import(tmp.File("agences.csv"), project, "agencies");
        var fs = CliRun.Invoke("import", TestPaths.Shared(files[3]), "--into", project, "--as", "candidates", "--json").Json();
        Assert.Equal("partial", fs.GetProperty("overlap").GetProperty("verdict").GetString());

        // The benchmark script (tests/Territory.Benchmarks/scripts/plan-cli.sh) times the commands on this very project.
        if (Environment.GetEnvironmentVariable("TERRITORY_PLAN_BENCH_DIR") is { Length: > 0 } keep)
            File.Copy(project, Path.Combine(keep, "garonne-tarn.gpkg"), overwrite: true);

        // « Propose 5 relay places within 20 minutes », the existing points kept.
        var plan = CliRun.Invoke("plan", "sites", project, "--problem", "mclp", "--minutes", "20", "--new", "5", "--save-scenario", "5 relais", "--json").Json();
        var sites = plan.GetProperty("sites").EnumerateArray().ToList();
        foreach (var s in sites)
            output.WriteLine($"{s.GetProperty("id").GetString(),-22} {s.GetProperty("name").GetString(),-40} {s.GetProperty("source").GetString(),-18} {s.GetProperty("dwellings").GetInt64(),6}");
        output.WriteLine($"couverts {plan.GetProperty("covered_dwellings")} / {plan.GetProperty("total_dwellings")}, optimal {plan.GetProperty("optimal")}, {plan.GetProperty("seconds")} s");
        Assert.True(plan.GetProperty("estimated").GetBoolean());
        Assert.Equal(5, sites.Count(s => !s.GetProperty("existing").GetBoolean()));
        Assert.Contains(sites, s => s.GetProperty("source").GetString() is "imported" or "commune_main_town");

        var compare = CliRun.Invoke("scenario", "compare", project, "5 relais", "--json").Json();
        var within = compare.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("code").GetString() == "within_nearest" && r.GetProperty("parameter").GetString() == "20").GetProperty("values");
        var share = plan.GetProperty("covered_dwellings").GetDouble() / plan.GetProperty("total_dwellings").GetDouble();
        output.WriteLine($"dans les 20 min : {within[0].GetDouble():P1} aujourd'hui, {within[1].GetDouble():P1} avec les relais (plan : {share:P1})");
        Assert.True(within[1].GetDouble() > within[0].GetDouble(), "the relay places raise coverage");
        Assert.Equal(share, within[1].GetDouble(), 3);

        // « How many sites to reach every estate within 30 minutes ».
        var cover = CliRun.Invoke("plan", "sites", project, "--problem", "lscp", "--minutes", "30", "--json").Json();
        output.WriteLine($"LSCP 30 min : {cover.GetProperty("count")} sites, optimal {cover.GetProperty("optimal")}, {cover.GetProperty("seconds")} s");
        var uncoverable = cover.GetProperty("uncoverable").GetArrayLength();
        Assert.Equal(cover.GetProperty("total_dwellings").GetInt64() - cover.GetProperty("covered_dwellings").GetInt64() == 0, uncoverable == 0);
        Assert.InRange(cover.GetProperty("count").GetInt32(), 1, 60);
    }

    private static void Import(string file, string project, string kind, params string[] extra)
    {
        var run = CliRun.Invoke(["import", file, "--into", project, "--as", kind, "--json", .. extra]);
        Assert.True(run.ExitCode == 0, $"import {Path.GetFileName(file)}: {run.Error}");
    }
}
