using Territory.Core.Messages;
using Territory.Core.Scenarios;
using Territory.Store.Users;
using Territory.Web.Auth;

namespace Territory.Web.State;

public sealed partial class ProjectSession
{
    /// <summary>The named scenarios the request's user sees: their own and the shared ones (all without sign-in), newest first.</summary>
    public IReadOnlyList<Scenario> ListNamed()
    {
        var all = WithStore(s => s.ListScenarios());
        return users is null ? all : users.Visible(all);
    }

    /// <summary>A named scenario with its changes, or null when there is none of that name the request's user may see.</summary>
    public Scenario? ReadNamed(string name)
    {
        var scenario = WithStore(s => s.ReadScenario(name));
        return scenario is not null && (users?.CanSee(scenario) ?? true) ? scenario : null;
    }

    /// <summary>
    /// Saves a named scenario under the request's user's name (an administrator overwriting a shared one keeps its author);
    /// a signed-in user's scenario is private unless <paramref name="shared"/>.
    /// </summary>
    /// <param name="scenario">The scenario to save.</param>
    /// <param name="overwrite">True to replace an existing one of that name.</param>
    /// <param name="shared">Visible to every user; null: private when signed in, shared otherwise.</param>
    /// <exception cref="AccessDeniedException">The name belongs to another user's scenario (403).</exception>
    /// <exception cref="ReasonException">Bad name, or the name is taken and <paramref name="overwrite"/> is false.</exception>
    public void SaveNamed(Scenario scenario, bool overwrite, bool? shared = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var now = DateTimeOffset.UtcNow;
        WithStore(s =>
        {
            var existing = s.ReadScenario(scenario.Name);
            if (existing is not null && users is not null && !users.CanChange(existing))
                throw new AccessDeniedException(Message.Of("auth_scenario_not_yours", ("name", existing.Name)));
            var signedIn = users?.Current.SignedIn == true;
            var stamped = (users?.Stamp(scenario, existing) ?? scenario) with
            {
                Shared = shared ?? (existing?.Shared ?? !signedIn),
                CreatedAt = existing?.CreatedAt ?? now,
                UpdatedAt = now,
            };
            s.SaveScenario(stamped, overwrite);
            return 0;
        });
    }

    /// <summary>Deletes a named scenario; false when there is none of that name the request's user may see.</summary>
    /// <exception cref="AccessDeniedException">The user sees it (shared) but may not delete it (403).</exception>
    public bool DeleteNamed(string name) => WithStore(s =>
    {
        if (s.ReadScenario(name) is not { } scenario || !(users?.CanSee(scenario) ?? true))
            return false;
        if (users is not null && !users.CanChange(scenario))
            throw new AccessDeniedException(Message.Of("auth_scenario_not_yours", ("name", scenario.Name)));
        return s.DeleteScenario(name, users?.Current.Author);
    });
}
