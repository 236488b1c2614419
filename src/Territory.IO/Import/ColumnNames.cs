using System.Text;

namespace Territory.IO.Import;

/// <summary>Normalises column names for matching: lower case, no accents, separators as <c>_</c>.</summary>
internal static class ColumnNames
{
    // Explicit table: the app runs with InvariantGlobalization, where Unicode decomposition is not a given.
    private const string Accented = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ";
    private const string Plain = "aaaaaaceeeeiiiinooooouuuuyyoa";

    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name.Trim().Trim('\uFEFF', '"'))
        {
            var c = char.ToLowerInvariant(ch);
            var i = Accented.IndexOf(c, StringComparison.Ordinal);
            if (i >= 0)
                c = Plain[i];
            sb.Append(c is ' ' or '.' or '-' or '\'' or '’' ? '_' : c);
        }
        return sb.ToString();
    }
}
