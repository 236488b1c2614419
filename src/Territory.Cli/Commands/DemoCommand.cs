using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Core.Messages;
using Territory.Demo;
using Territory.IO.GeoPackage;

namespace Territory.Cli.Commands;

/// <summary><c>territory demo --out DIR</c>: the deterministic demo project and its OSM road network.</summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Dossier de sortie (DIR/habitat-demo.gpkg et DIR/habitat-demo.osm.pbf).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Graine du générateur (même graine → mêmes fichiers).", DefaultValueFactory = _ => 2154 };
        var estates = new Option<int?>("--estates")
        {
            Description = "Nombre de résidences (1 à 500 000) : un département fictif par tranche de 10 000, côte à côte ; omis : la démonstration telle quelle (≈ 1 500).",
        };
        var json = CommonOptions.Json();
        var command = new Command("demo", "Génère le projet de démonstration « Habitat Démo » (département fictif, réseau routier OSM).") { output, seed, estates, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var dir = parse.GetValue(output)!;
            dir.Create();
            if (parse.GetValue(estates) is < 1 or > 500_000)
                throw new ReasonException(Message.Of("demo_estates_out_of_range", ("option", "--estates"), ("max", 500_000)));
            var written = DemoProjectWriter.Write(DemoGenerator.Generate(parse.GetValue(seed), parse.GetValue(estates)), dir.FullName);
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
