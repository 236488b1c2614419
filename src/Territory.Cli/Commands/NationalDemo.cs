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
            throw new CliUserException("demo_national_target", ("out", "--out"), ("into", "--into"));
        if (departements is < 1 or > 96)
            throw new CliUserException("demo_departements_range", ("value", departements));
        using var cancel = new Cancellation();
        var set = ProgressDisplay.Run(console, asJson, console.T("demo_national_progress"), _ => NationalGenerator.Generate(seed, departements));
        string? file = null;
        if (directory is not null)
            file = ProgressDisplay.Run(console, asJson, console.T("demo_national_files_progress"), _ => NationalWriter.WriteSources(set, directory, cancel.Token));
        string? project = null;
        if (into is not null)
        {
            project = CommonOptions.Location(into);
            using var store = ProjectStores.Open(project);
            ProgressDisplay.Run(console, asJson, console.T("demo_national_write_progress"), progress => NationalWriter.WriteInto(set, store, progress, cancel.Token));
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
        console.Out.WriteLine(console.T("demo_national_summary", ("departements", set.Departements.Count), ("communes", set.Communes.Count), ("qpv", set.Districts.Count),
            ("agencies", set.Agencies.Count), ("estates", set.Estates.Count), ("dwellings", set.Dwellings), ("landlords", set.Landlords.Count)));
        if (file is not null)
            console.Out.WriteLine("  " + console.T("demo_national_files", ("file", file),
                ("layers", string.Join(", ", NationalWriter.EstatesLayer, NationalWriter.AgenciesLayer, NationalWriter.CommunesLayer, NationalWriter.DistrictsLayer))));
        if (project is not null)
            console.Out.WriteLine("  " + console.T("demo_national_project", ("project", project)));
        return 0;
    }
}
