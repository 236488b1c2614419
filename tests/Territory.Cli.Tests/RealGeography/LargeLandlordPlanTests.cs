using System.Globalization;
using System.Text;
using System.Text.Json;
using Territory.Cli.Tests.Commands;
using Territory.Store.GeoPackage;
using Xunit.Abstractions;

namespace Territory.Cli.Tests.RealGeography;

/// <summary>
/// The presence plan as a director tries it on a real département: Haute-Garonne and Tarn, the real QPV and their INSEE
/// indicators, a synthetic landlord of about 400 estates, the 20 France Services points of the two départements as relay places.
/// </summary>
public sealed class LargeLandlordPlanTests(ITestOutputHelper output)
{
    private const int Seed = 400_3181;

    [Fact]
    public void Analyse_LargeLandlord_PlanIsShortExclusiveAndReactsToRelayPlacesIndicatorsAndUrbanAreas()
    {
        if (EtalabCommunes.PathOrNull(output) is not { } etalab)
            return;
        using var tmp = TestPaths.Temp();
        var project = tmp.File("garonne-tarn-400.gpkg");
        Import(TestPaths.Shared("communes/communes-31-haute-garonne.geojson"), project, "communes");
        Import(TestPaths.Shared("communes/communes-81-tarn.geojson"), project, "communes", "--append");
        Import(TestPaths.Shared("qpv/qpv_occitanie_ouest.geojson"), project, "qpv");
        CliRun.Invoke("communes", "enrich", project, "--from", etalab, "--from", TestPaths.Shared("communes/communes_20k_hab_densite_shared.csv"), "--json").Json();
        LargeLandlord plan;
        using (var store = GeoPackageProjectStore.Open(project))
            plan = LargeLandlord.Place(store.ReadCommunes(), store.ReadDistricts(), Seed);
        Assert.InRange(plan.EstateCount, 330, 470);
        plan.WriteCsv(tmp.File("patrimoine.csv"), tmp.File("agences.csv"));
        Import(tmp.File("patrimoine.csv"), project, "estates");
        Import(tmp.File("agences.csv"), project, "agencies");

        var first = Territories(project);
        output.WriteLine($"{first.Count} territoires, {plan.EstateCount} programmes");
        Assert.True(first.Count > 100, $"{first.Count} territories");
        foreach (var t in first.Values)
        {
            PlanContract.AssertTerritory(t);
            var lines = Plan(t);
            Assert.True(lines.Count <= 5, $"{Id(t)}: {lines.Count} plan lines");
            Assert.True(lines.Count(p => p.Status is "to_create" or "to_reinforce") <= 3, $"{Id(t)}: {string.Join(", ", lines.Select(p => $"{p.Form} {p.Status}"))}");
            foreach (var p in lines.Where(p => p.Form == "relay_place" && p.Trigger.GetProperty("value").ValueKind == JsonValueKind.Number))
            {
                // A sentence never contradicts its figure: not retained for being near an office means at most the threshold.
                var near = p.Trigger.GetProperty("value").GetDouble() <= p.Trigger.GetProperty("threshold").GetDouble();
                Assert.Equal(near, p.ReasonCode == "relay_near_office");
            }
        }
        var actions = first.Values.SelectMany(t => Plan(t).Where(p => p.Status is "to_create" or "to_reinforce")).GroupBy(p => $"{p.Form} {p.Status}")
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} : {g.Count()}");
        output.WriteLine($"{first.Values.Count(t => Plan(t).Any(p => p.Status is "to_create" or "to_reinforce"))} territoires avec au moins une action ; {string.Join(" ; ", actions)}");
        foreach (var bourg in plan.Bourgs.Where(first.ContainsKey))
            Assert.DoesNotContain(Plan(first[bourg]), p => p.Form is "site_caretakers" or "reinforced_site_management" && p.Status != "not_retained");

        // The agencies declare enough caretakers (without a place of work): no false deficit; the other landlord's stays its own.
        var analysis = CliRun.Invoke("analyse", project, "--json").Json();
        var caretaking = analysis.GetProperty("caretaking");
        output.WriteLine(caretaking.ToString());
        Assert.True(caretaking.GetProperty("applicable").GetInt32() > 20);
        Assert.Equal(0, caretaking.GetProperty("in_deficit").GetInt32());
        var other = caretaking.GetProperty("landlords").EnumerateArray().Single(l => l.GetProperty("landlord").GetString() == LargeLandlord.OtherLandlord);
        Assert.True(other.GetProperty("deficit_fte").GetDouble() > 0);
        Assert.Equal(0, caretaking.GetProperty("deficit_fte").GetDouble());

        // Large residences in towns of 10,000–25,000 inhabitants outside QPV: « à vérifier » until the urban area is known.
        var midTowns = plan.MidTownsWithLargeResidence.Where(first.ContainsKey).ToList();
        Assert.NotEmpty(midTowns);
        Assert.All(midTowns, c => Assert.Equal("to_check", first[c].GetProperty("caretaking").GetProperty("status").GetString()));
        var areas = tmp.File("aires-urbaines.csv");
        File.WriteAllLines(areas, ["code_insee;aire_urbaine;population_aire_urbaine", .. midTowns.Select(c => $"{c};004;1360000"), "31555;004;1360000"], new UTF8Encoding(false));
        var enrich = CliRun.Invoke("communes", "enrich", project, "--from", areas, "--json").Json();
        Assert.Equal(midTowns.Count + 1, enrich.GetProperty("urban_areas_filled").GetInt32());

        // QPV indicators joined by code, without geometry.
        var indicators = CliRun.Invoke("import", TestPaths.Shared("qpv/qpv_occitanie_ouest_indicateurs.csv"), "--into", project, "--as", "qpv", "--json").Json();
        output.WriteLine(indicators.ToString());

        // The 20 France Services points of Haute-Garonne and Tarn, imported as relay places.
        File.WriteAllLines(tmp.File("relais.csv"), ["id;nom;type;lon;lat", .. FranceServices()], new UTF8Encoding(false));
        Import(tmp.File("relais.csv"), project, "agencies", "--append");

        var second = Territories(project);
        Assert.All(midTowns, c => Assert.Equal("applies", second[c].GetProperty("caretaking").GetProperty("status").GetString()));
        var qpvParts = second.Values.Where(t => t.GetProperty("qpv_code").ValueKind == JsonValueKind.String).ToList();
        Assert.All(qpvParts, t => Assert.Contains(t.GetProperty("context").EnumerateArray(), c => c.GetProperty("code").GetString() == "context_district_population"));
        Assert.Contains(qpvParts, t => t.GetProperty("reasons").EnumerateArray().Any(r => r.GetString()!.Contains("population du quartier", StringComparison.Ordinal)));
        var changed = first.Keys.Where(second.ContainsKey).Count(id => Status(first[id], "relay_place") != Status(second[id], "relay_place"));
        output.WriteLine($"{changed} territoires dont le lieu relais change avec les France Services");
        Assert.True(changed > 0, "the France Services relay places changed no territory's plan");
        Assert.Contains(second.Values, t => Plan(t).Any(p => p.Form == "relay_place" && p.Status == "present" && p.PointId?.StartsWith("FS-", StringComparison.Ordinal) == true));

        // A relay place appended beside a territory that asks for one turns the form « présent ».
        var asking = second.Values.First(t => Status(t, "relay_place") == "to_create");
        var estate = asking.GetProperty("estate_ids").EnumerateArray().Select(e => e.GetString()!).First(plan.Positions.ContainsKey);
        var (lon, lat) = plan.Positions[estate];
        File.WriteAllLines(tmp.File("un-relais.csv"), ["id;nom;type;lon;lat", $"LR-1;Lieu relais ajouté;lieu relais;{Coord(lon)};{Coord(lat)}"], new UTF8Encoding(false));
        Import(tmp.File("un-relais.csv"), project, "agencies", "--append");
        var third = Territories(project);
        Assert.Equal("present", Status(third[Id(asking)], "relay_place"));
    }

    private sealed record Line(string Form, string Status, string ReasonCode, JsonElement Trigger, string? PointId);

    private static List<Line> Plan(JsonElement t) => t.GetProperty("presence").EnumerateArray().Select(p => new Line(p.GetProperty("form").GetString()!,
        p.GetProperty("status").GetString()!, p.GetProperty("reason_code").GetString()!, p.GetProperty("trigger"),
        p.GetProperty("point_id").ValueKind == JsonValueKind.String ? p.GetProperty("point_id").GetString() : null)).ToList();

    private static string? Status(JsonElement t, string form) => Plan(t).FirstOrDefault(p => p.Form == form)?.Status;

    private static string Id(JsonElement t) => t.GetProperty("id").GetString()!;

    private static Dictionary<string, JsonElement> Territories(string project) =>
        CliRun.Invoke("analyse", project, "--json").Json().GetProperty("territories").EnumerateArray().ToDictionary(Id, t => t.Clone(), StringComparer.Ordinal);

    private static IEnumerable<string> FranceServices()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Shared("agences/france_services_2020_shared.geojson")));
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            var dep = p.GetProperty("DEPARTEMENT").ToString();
            if (dep is not ("31" or "81"))
                continue;
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            yield return $"FS-{p.GetProperty("MATRICULE")};{p.GetProperty("lib_france_services").GetString()!.Replace(';', ',')};lieu relais;{Coord(c[0].GetDouble())};{Coord(c[1].GetDouble())}";
        }
    }

    private static string Coord(double v) => v.ToString("0.000000", CultureInfo.InvariantCulture);

    private static void Import(string file, string project, string kind, params string[] extra)
    {
        var run = CliRun.Invoke(["import", file, "--into", project, "--as", kind, "--json", .. extra]);
        Assert.True(run.ExitCode == 0, $"import {Path.GetFileName(file)}: {run.Error}");
    }
}
