using Territory.Cli.Infrastructure;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary><c>territory import --undo PROJECT --as LAYER</c> (a GeoPackage or a PostGIS schema): the layer goes back to what it was before its last import.</summary>
/// <remarks>The same operation as the map's « Annuler l'import »: <see cref="IProjectStore.UndoImport"/>, one transaction.</remarks>
internal static class ImportUndo
{
    public static int Run(CliConsole console, string project, LayerKind kind, bool asJson, bool alone, CancellationToken ct)
    {
        if (!alone)
            throw new ReasonException(Message.Of("undo_alone", ("into", "--into")));
        var path = CommonOptions.ExistingProject(project);
        using var store = ProjectStores.Open(path);
        var outcome = store.UndoImport(kind, new LayerWriteOptions { Source = "annulation", Author = UsersCommand.Actor }, ct);
        if (asJson)
        {
            JsonOutput.Write(console, new
            {
                layer = outcome.Table,
                mode = "restored",
                count_before = outcome.CountBefore,
                count_after = outcome.CountAfter,
                data_version = outcome.DataVersion,
            });
            return 0;
        }
        console.Out.WriteLine(console.T("undo_done", ("layer", outcome.Table), ("before", outcome.CountBefore), ("after", outcome.CountAfter)));
        return 0;
    }
}
