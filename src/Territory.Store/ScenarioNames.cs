using Territory.Core.Messages;
using Territory.Core.Scenarios;

namespace Territory.Store;

/// <summary>Validation of scenario names, the same in every store and at every edge.</summary>
public static class ScenarioNames
{
    /// <summary>The trimmed name, or a <see cref="ReasonException"/> when empty, too long or holding control characters.</summary>
    public static string Check(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new ReasonException(Message.Of("scenario_name_empty"));
        if (trimmed.Length > Scenario.MaxNameLength)
            throw new ReasonException(Message.Of("scenario_name_too_long", ("length", trimmed.Length), ("max", Scenario.MaxNameLength)));
        if (trimmed.Any(char.IsControl))
            throw new ReasonException(Message.Of("scenario_name_control"));
        return trimmed;
    }
}
