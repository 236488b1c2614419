using Territory.Core.Messages;

namespace Territory.Planning;

/// <summary>Bad planning input: a stable code (see <see cref="PlanningErrorCodes"/>) and the named values it needs.</summary>
/// <remarks>
/// A <see cref="ReasonException"/>: front ends render <see cref="ReasonException.Reason"/> from the
/// catalogue (area <c>planning</c>) in the user's language; <see cref="Exception.Message"/> is the French
/// sentence. Unreadable files and bugs throw ordinary exceptions.
/// </remarks>
public class PlanningException : ReasonException
{
    /// <summary>Creates the exception from a code and its named values, in order.</summary>
    public PlanningException(string code, params (string Name, object? Value)[] values)
        : this(code, null, values)
    {
    }

    /// <summary>Same, keeping the exception that revealed the problem.</summary>
    public PlanningException(string code, Exception? inner, params (string Name, object? Value)[] values)
        : base(Territory.Core.Messages.Message.Of(code, values), inner)
    {
        Code = code;
        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in values) named[name] = value;
        Values = named;
    }

    /// <summary>Stable code, e.g. <c>planning_count_invalid</c>.</summary>
    public string Code { get; }

    /// <summary>Named values of the code, e.g. <c>count</c> → 0.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }
}
