using System.Text;

namespace Territory.Web.Hosting;

/// <summary>
/// Names of uploaded files: the user's name as shown in reports, and a safe name to store the upload
/// under (in a directory the server created): only letters, digits, <c>-</c>, <c>_</c> and <c>.</c>,
/// no leading dot, bounded length, the extension kept so the reader is chosen as the user expects.
/// </summary>
public static class UploadNames
{
    private const int MaxLength = 100;

    /// <summary>The file name the browser sent, without any directory part (both separators), never empty.</summary>
    public static string DisplayName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        if (name.Length > MaxLength)
            name = name[..(MaxLength - 12)] + "…" + name[^11..];
        return name.Length == 0 ? "fichier" : name;
    }

    /// <summary>A name safe to create in the upload directory, with the display name's extension.</summary>
    public static string Safe(string displayName)
    {
        var extension = Path.GetExtension(displayName).ToLowerInvariant();
        var stem = Path.GetFileNameWithoutExtension(displayName).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
                sb.Append(c);
            else if (c is ' ' or '.' or '\'' && sb.Length > 0 && sb[^1] != '_')
                sb.Append('_');
        }
        var safe = sb.ToString().Trim('_');
        if (safe.Length > 60)
            safe = safe[..60];
        return (safe.Length == 0 ? "fichier" : safe) + (IsSafeExtension(extension) ? extension : "");
    }

    private static bool IsSafeExtension(string extension) =>
        extension.Length is > 1 and <= 10 && extension[0] == '.' && extension.Skip(1).All(char.IsAsciiLetterOrDigit);
}
