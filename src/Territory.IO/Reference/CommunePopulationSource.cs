using Territory.Core.Messages;
using Territory.IO.Import;

namespace Territory.IO.Reference;

/// <summary>Reads a commune reference file (population, density level by INSEE code), choosing the reader by content.</summary>
/// <remarks>
/// A file whose first non-blank character is <c>[</c> is read as the Etalab <c>communes.json</c>;
/// anything else as an INSEE-style CSV. Bad rows are reported in
/// <see cref="CommuneReferenceSource.Issues"/>; a file that cannot be read at all throws.
/// </remarks>
public static class CommunePopulationSource
{
    /// <summary>Reads every usable row of <paramref name="path"/>.</summary>
    /// <exception cref="ImportException">The file does not exist or is not a readable reference (bad JSON, no code column…); the reason names the file.</exception>
    public static CommuneReferenceSource Read(string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new ImportException(Message.Of("reference_file_not_found", ("path", path)));
        return LooksLikeJson(path) ? EtalabCommunesReader.Read(path, ct) : InseeCommunesCsvReader.Read(path, ct);
    }

    private static bool LooksLikeJson(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[256];
        var n = stream.Read(head);
        var i = n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
        while (i < n && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            i++;
        return i < n && head[i] is (byte)'[' or (byte)'{';
    }
}
