using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Demo;
using Territory.IO.GeoPackage;

namespace Territory.Cli.Commands;

/// <summary><c>territory demo --out DIR</c>: the deterministic demo project and its OSM road network.</summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<DirectoryInfo?>("--out") { Description = "Dossier de sortie (DIR/habitat-demo.gpkg et DIR/habitat-demo.osm.pbf ; avec --national : DIR/national.gpkg)." };
        var national = new Option<bool>("--national") { Description = Territory.Core.Messages.Catalogue.Text(Territory.Core.Messages.Lang.Fr, "demo_national_help") };
        var departements = new Option<int>("--departements") { Description = Territory.Core.Messages.Catalogue.Text(Territory.Core.Messages.Lang.Fr, "demo_departements_help"), DefaultValueFactory = _ => 96 };
        var into = new Option<string?>("--into") { Description = Territory.Core.Messages.Catalogue.Text(Territory.Core.Messages.Lang.Fr, "demo_into_help", ("forms", CommonOptions.ProjectForms)) };
        var seed = new Option<int>("--seed") { Description = "Graine du générateur (même graine → mêmes fichiers).", DefaultValueFactory = _ => 2154 };
        var json = CommonOptions.Json();
        var command = new Command("demo", "Génère le projet de démonstration « Habitat Démo » (département fictif, réseau routier OSM).") { output, seed, national, departements, into, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            if (parse.GetValue(national))
                return NationalDemo.Run(console, parse.GetValue(seed), parse.GetValue(departements), parse.GetValue(output)?.FullName, parse.GetValue(into), parse.GetValue(json));
            var dir = parse.GetValue(output) ?? throw new CliUserException("indiquer le dossier de sortie : territory demo --out DIR.");
            dir.Create();
            var written = DemoProjectWriter.Write(DemoGenerator.Generate(parse.GetValue(seed)), dir.FullName);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(console, written);
                return 0;
            }
            console.Out.WriteLine($"Projet de démonstration : {written.Project}");
            console.Out.WriteLine($"Réseau routier (OSM PBF) : {written.Roads}");
            console.Out.WriteLine($"  {written.Estates} résidences, {written.Dwellings} logements, {written.Agencies} agences, {written.Communes} communes, {written.Districts} QPV");
            return 0;
        }));
        return command;
    }
}
