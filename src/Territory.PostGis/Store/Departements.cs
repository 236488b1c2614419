namespace Territory.PostGis.Store;

/// <summary>The département of a commune (INSEE code), the partition key of the estates.</summary>
/// <remarks>
/// Metropolitan codes: the first two characters (<c>31555</c> → <c>31</c>, Corsica <c>2A004</c> → <c>2a</c>);
/// overseas: three (<c>97105</c> → <c>971</c>). Anything else (no commune, a foreign code) is the empty
/// code, which lands in the default partition. Lower case, so the code can name its partition.
/// </remarks>
internal static class Departements
{
    /// <summary>The code for unknown communes (default partition).</summary>
    public const string Unknown = "";

    public static string Of(string? communeCode)
    {
        if (communeCode is not { Length: 5 } c || !char.IsAsciiDigit(c[2]) || !char.IsAsciiDigit(c[3]) || !char.IsAsciiDigit(c[4]))
            return Unknown;
        if (c[0] == '2' && (c[1] is 'A' or 'a' or 'B' or 'b'))
            return c[..2].ToLowerInvariant();
        if (!char.IsAsciiDigit(c[0]) || !char.IsAsciiDigit(c[1]))
            return Unknown;
        return c[0] == '9' && (c[1] == '7' || c[1] == '8') ? c[..3] : c[..2];
    }

    /// <summary>The partition table of a département code.</summary>
    public static string PartitionOf(string table, string departement) =>
        departement.Length == 0 ? table + "_d_default" : table + "_d_" + departement;
}
