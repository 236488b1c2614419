namespace Territory.IO.Reference;

/// <summary>INSEE commune codes: normalisation and the municipal arrondissements of Paris, Lyon and Marseille.</summary>
internal static class InseeCodes
{
    /// <summary>The code as five characters (Corsica <c>2A</c>/<c>2B</c> upper case), or null when it is not a commune code.</summary>
    /// <remarks>A four-digit code is a spreadsheet that dropped the leading zero (<c>1053</c> → <c>01053</c>).</remarks>
    public static string? Normalize(string? raw)
    {
        if (raw is null)
            return null;
        var code = raw.Trim().Trim('"').ToUpperInvariant();
        if (code.Length == 4 && code.All(char.IsAsciiDigit))
            code = "0" + code;
        if (code.Length != 5)
            return null;
        var corsica = code[0] == '2' && (code[1] == 'A' || code[1] == 'B');
        for (var i = 0; i < 5; i++)
            if (!(char.IsAsciiDigit(code[i]) || (i == 1 && corsica)))
                return null;
        return code;
    }

    /// <summary>The commune of a municipal arrondissement (<c>75105</c> → <c>75056</c>), else null.</summary>
    public static string? ParentOf(string code)
    {
        if (code.Length != 5 || !int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            return null;
        return n switch
        {
            >= 75101 and <= 75120 => "75056",
            >= 69381 and <= 69389 => "69123",
            >= 13201 and <= 13216 => "13055",
            _ => null,
        };
    }
}
