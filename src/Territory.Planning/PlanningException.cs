using System.Globalization;

namespace Territory.Planning;

/// <summary>Bad planning input: a stable code (see <see cref="PlanningErrorCodes"/>) and the named values it needs.</summary>
/// <remarks>
/// The message is the code and its values (<c>planning_count_invalid: count=0</c>), not a sentence:
/// front ends render the code from their French/English catalogue. Unreadable files and bugs
/// throw ordinary exceptions.
/// </remarks>
public class PlanningException : Exception
{
    /// <summary>Creates the exception from a code and its named values, in order.</summary>
    public PlanningException(string code, params (string Name, object? Value)[] values)
        : this(code, null, values)
    {
    }

    /// <summary>Same, keeping the exception that revealed the problem.</summary>
    public PlanningException(string code, Exception? inner, params (string Name, object? Value)[] values)
        : base(Format(code, values), inner)
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

    private static string Format(string code, (string Name, object? Value)[] values) =>
        values.Length == 0
            ? code
            : code + ": " + string.Join(", ", values.Select(v => v.Name + "=" + Convert.ToString(v.Value, CultureInfo.InvariantCulture)));
}
