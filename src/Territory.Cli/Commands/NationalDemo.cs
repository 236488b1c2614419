using Territory.Cli.Infrastructure;
using Territory.Demo.National;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary><c>territory demo --national [--departements N] (--out DIR | --into P)</c>: the national synthetic set.</summary>
internal static class NationalDemo
{
    public static int Run(CliConsole console, int seed, int departements, string? directory, string? into, bool asJson)
    {
        if (directory is null && into is null)
            throw new CliUserException("--national demande --out DIR (fichiers sources) ou --into PROJET (écriture directe), ou les deux.");
        if (departements is < 1 or > 96)
            throw new CliUserException($"--departements {departements} : attendu de 1 à 96.");
        using var cancel = new Cancellation();
        var set = ProgressDisplay.Run(console, asJson, "Jeu national synthétique", _ => NationalGenerator.Generate(seed, departements));
        string? file = null;
        if (directory is not null)
            file = ProgressDisplay.Run(console, asJson, "Fichiers sources", _ => NationalWriter.WriteSources(set, directory, cancel.Token));
        string? project = null;
        if (into is not null)
        {
            project = CommonOptions.Location(into);
            using var store = ProjectStores.Open(project);
            ProgressDisplay.Run(console, asJson, "Écriture dans le projet", progress => NationalWriter.WriteInto(set, store, progress, cancel.Token));
            project = store.Location;
        }
        if (asJson)
        {
            JsonOutput.Write(console, new
            {
                departements = set.Departements.Count,
                communes = set.Communes.Count,
                qpv = set.Districts.Count,
                agencies = set.Agencies.Count,
                estates = set.Estates.Count,
                dwellings = set.Dwellings,
                landlords = set.Landlords,
                file,
                project,
            });
            return 0;
        }
        console.Out.WriteLine($"Jeu national synthétique : {set.Departements.Count} départements, {set.Communes.Count} communes, {set.Districts.Count} QPV, {set.Agencies.Count} agences, {set.Estates.Count} résidences, {set.Dwellings} logements, {set.Landlords.Count} bailleurs");
        if (file is not null)
            console.Out.WriteLine($"  Fichiers sources : {file} (couches {NationalWriter.EstatesLayer}, {NationalWriter.AgenciesLayer}, {NationalWriter.CommunesLayer}, {NationalWriter.DistrictsLayer})");
        if (project is not null)
            console.Out.WriteLine($"  Projet : {project}");
        return 0;
    }
}
