using System.Text.RegularExpressions;
using Territory.Core.Messages;

namespace Territory.PostGis.Connection;

/// <summary>SQL identifiers (schema, table, column names): only <c>[a-z_][a-z0-9_]*</c>, up to 63 characters, always quoted.</summary>
/// <remarks>
/// Values always travel as parameters; identifiers cannot, so every one that reaches SQL text goes
/// through <see cref="Quote"/>, which refuses anything else (quotes, semicolons, upper case, spaces,
/// Unicode): a name taken from a URI or a layer definition can never change the statement.
/// </remarks>
internal static partial class PgIdentifier
{
    /// <summary>PostgreSQL's identifier length limit (NAMEDATALEN − 1).</summary>
    public const int MaxLength = 63;

    /// <summary>True when <paramref name="name"/> is an identifier Territory accepts.</summary>
    public static bool IsValid(string? name) => name is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(name);

    /// <summary>The identifier in double quotes.</summary>
    /// <exception cref="ReasonException">The name is not a plain lower-case identifier.</exception>
    public static string Quote(string name) =>
        IsValid(name) ? "\"" + name + "\"" : throw new ReasonException(Message.Of("postgis_identifier_invalid", ("name", name)));

    /// <summary><c>"schema"."table"</c>, both checked.</summary>
    public static string Qualify(string schema, string table) => Quote(schema) + "." + Quote(table);

    [GeneratedRegex("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
