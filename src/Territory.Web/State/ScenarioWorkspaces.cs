using System.Collections.Immutable;

namespace Territory.Web.State;

/// <summary>One user's scenario over the saved state: the snapshot the map shows them and their edits.</summary>
/// <param name="Current">Saved state + this user's edits.</param>
/// <param name="Edits">This user's edits since their last save or discard.</param>
internal sealed record ScenarioWorkspace(ProjectSnapshot Current, EditState Edits);

/// <summary>
/// What requests read, swapped as one: the saved snapshot (shared) and each user's scenario over it, by user name
/// (the empty name is the one local user when sign-in is off). A user without edits has no workspace and sees the saved state.
/// </summary>
/// <remarks>
/// Each user edits their own scenario: one user's edit never waits for another's computation, and never shows on
/// another's map. Saving as the reference network writes the saving user's scenario; the others' are replayed over it.
/// </remarks>
internal sealed record SessionState(ProjectSnapshot Saved, ImmutableDictionary<string, ScenarioWorkspace> Workspaces)
{
    /// <summary>No edits anywhere.</summary>
    public static SessionState Of(ProjectSnapshot saved) => new(saved, ImmutableDictionary.Create<string, ScenarioWorkspace>(StringComparer.Ordinal));

    /// <summary>The user's current snapshot (the saved one when they have no edits).</summary>
    public ProjectSnapshot CurrentOf(string user) => Workspaces.TryGetValue(user, out var w) ? w.Current : Saved;

    /// <summary>The user's edits (none: the saved presence points).</summary>
    public EditState EditsOf(string user) => Workspaces.TryGetValue(user, out var w) ? w.Edits : EditState.Of(Saved.Data.Agencies);

    /// <summary>The same state with the user's scenario replaced (dropped when it has no edit left).</summary>
    public SessionState With(string user, ScenarioWorkspace workspace) =>
        this with { Workspaces = workspace.Edits.Changes.Count == 0 ? Workspaces.Remove(user) : Workspaces.SetItem(user, workspace) };

    /// <summary>The same state without the user's scenario.</summary>
    public SessionState Without(string user) => this with { Workspaces = Workspaces.Remove(user) };
}
