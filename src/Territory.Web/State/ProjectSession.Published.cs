namespace Territory.Web.State;

public sealed partial class ProjectSession
{
    /// <summary>
    /// Raised each time a new saved state is in place — the first load, and every reload after an import, a save as the
    /// reference network, an undo or another program's commit — so that work derived from it (the map's tiles) can start
    /// before the first request asks. Handlers run on the thread that published the state: they must only start work.
    /// </summary>
    public event Action<ProjectSnapshot>? SavedStatePublished;

    private void Published(ProjectSnapshot saved) => SavedStatePublished?.Invoke(saved);
}
