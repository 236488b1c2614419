using System.IO.Compression;
using Territory.Core.Messages;
using Territory.IO.Import;

namespace Territory.IO.Shapefile;

/// <summary>
/// The files of one shapefile taken out of a zip archive, safely: only the entries a shapefile needs
/// (<c>.shp .shx .dbf .prj .cpg</c> of the chosen layer), under names the reader chooses, within size
/// and compression-ratio limits; the extraction folder is always removed.
/// </summary>
/// <remarks>
/// <para>An archive holding a dangerous path anywhere (<c>..</c>, an absolute path, a drive, a symbolic
/// link) is refused whole: nothing in it is trusted. The sizes an archive announces can lie, so the bytes
/// are counted while they are copied.</para>
/// <para>Limits (<see cref="Limits.Default"/>): 2 GB per file, 4 GB for the layer, and a file larger than
/// 1 MB may not expand more than 1,000 times (dBASE tables of empty text fields reach a few hundred; one
/// deflate stream cannot exceed about 1,030, so a bomb's damage is bounded by the sizes, counted while copying).</para>
/// </remarks>
internal sealed class ShapefileZip : IDisposable
{
    /// <summary>Size and ratio limits of an extraction.</summary>
    /// <param name="MaxEntryBytes">Largest file taken out of an archive.</param>
    /// <param name="MaxTotalBytes">Largest layer (all its files) taken out of an archive.</param>
    /// <param name="MaxRatio">Largest expansion of a file over 1 MB.</param>
    internal sealed record Limits(long MaxEntryBytes, long MaxTotalBytes, int MaxRatio)
    {
        /// <summary>2 GB a file, 4 GB a layer, 1,000 times at most.</summary>
        public static Limits Default { get; } = new(2L << 30, 4L << 30, 1000);
    }

    private static readonly string[] Parts = [".shp", ".shx", ".dbf", ".prj", ".cpg"];

    private ShapefileZip(string directory, string shp, string entryName)
    {
        Directory = directory;
        ShpPath = shp;
        EntryName = entryName;
    }

    /// <summary>The folder the files were written to (removed by <see cref="Dispose"/>).</summary>
    public string Directory { get; }

    /// <summary>The extracted <c>.shp</c>; its siblings share its name.</summary>
    public string ShpPath { get; }

    /// <summary>The <c>.shp</c>'s name in the archive.</summary>
    public string EntryName { get; }

    /// <summary>Takes the chosen layer's files out of <paramref name="zipPath"/>.</summary>
    /// <param name="zipPath">The archive.</param>
    /// <param name="fileName">Its name, given in the reasons.</param>
    /// <param name="layerName">The shapefile to read when the archive holds several (its name without extension).</param>
    /// <exception cref="ImportException">Unreadable, dangerous or oversized archive; no shapefile, or several and none chosen.</exception>
    public static ShapefileZip Extract(string zipPath, string fileName, string? layerName) => Extract(zipPath, fileName, layerName, Limits.Default);

    /// <summary>Same, within other limits (tests).</summary>
    internal static ShapefileZip Extract(string zipPath, string fileName, string? layerName, Limits limits)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException e)
        {
            throw new ImportException(Message.Of("zip_unreadable", ("file", fileName)), e);
        }
        using (archive)
        {
            var entries = archive.Entries;
            foreach (var entry in entries)
            {
                if (!IsSafe(entry))
                    throw new ImportException(Message.Of("zip_unsafe_entry", ("file", fileName), ("entry", Shorten(entry.FullName))));
            }
            var shp = Choose(entries.Where(IsShapefile).ToList(), fileName, layerName);
            var stem = shp.FullName[..^4];
            // One file per part (an archive may repeat a name: the first one counts, as unzip would keep it).
            var files = entries.Where(e => e.FullName.Length == stem.Length + 4 && e.FullName.StartsWith(stem, StringComparison.OrdinalIgnoreCase)
                                           && Parts.Contains(Path.GetExtension(e.FullName).ToLowerInvariant()))
                .GroupBy(e => Path.GetExtension(e.FullName).ToLowerInvariant()).Select(g => g.First()).ToList();
            CheckSizes(files, fileName, limits);
            var directory = System.IO.Directory.CreateTempSubdirectory("territory-zip-").FullName;
            try
            {
                foreach (var entry in files)
                    Copy(entry, Path.Combine(directory, "couche" + Path.GetExtension(entry.FullName).ToLowerInvariant()), fileName, limits);
                return new ShapefileZip(directory, Path.Combine(directory, "couche.shp"), shp.FullName);
            }
            catch
            {
                System.IO.Directory.Delete(directory, recursive: true);
                throw;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>A relative path that stays inside the archive's folder, and no link.</summary>
    private static bool IsSafe(ZipArchiveEntry entry)
    {
        var name = entry.FullName;
        if (name.Length == 0 || name.Contains('\0', StringComparison.Ordinal) || name[0] is '/' or '\\' || (name.Length > 1 && name[1] == ':'))
            return false;
        if (name.Split('/', '\\').Any(segment => segment == ".."))
            return false;
        // Unix mode in the high 16 bits of the external attributes (zip made on Unix): 0xA000 is a symbolic link.
        const int fileType = 0xF000, symbolicLink = 0xA000;
        return ((entry.ExternalAttributes >> 16) & fileType) != symbolicLink;
    }

    private static bool IsShapefile(ZipArchiveEntry entry)
    {
        var name = entry.FullName;
        var leaf = Path.GetFileName(name);
        return name.EndsWith(".shp", StringComparison.OrdinalIgnoreCase) && leaf.Length > 4 && !leaf.StartsWith("._", StringComparison.Ordinal)
            && !name.StartsWith("__MACOSX/", StringComparison.Ordinal);
    }

    private static ZipArchiveEntry Choose(List<ZipArchiveEntry> shps, string fileName, string? layerName)
    {
        if (shps.Count == 0)
            throw new ImportException(Message.Of("zip_no_shapefile", ("file", fileName)));
        var names = shps.Select(s => Path.GetFileNameWithoutExtension(s.FullName)).ToList();
        if (layerName is not null)
        {
            var hit = shps.FirstOrDefault(s => Path.GetFileNameWithoutExtension(s.FullName).Equals(layerName, StringComparison.OrdinalIgnoreCase));
            if (hit is not null)
                return hit;
            throw new ImportException(Message.Of("zip_layer_not_found", ("file", fileName), ("layer", layerName), ("names", string.Join(", ", names))))
            {
                Layers = names,
            };
        }
        if (shps.Count == 1)
            return shps[0];
        throw new ImportException(Message.Of("zip_several_shapefiles", ("file", fileName), ("names", string.Join(", ", names)), ("option", "--layer"))) { Layers = names };
    }

    private static void CheckSizes(List<ZipArchiveEntry> files, string fileName, Limits limits)
    {
        var (maxEntryBytes, maxTotalBytes, maxRatio) = limits;
        long total = 0;
        foreach (var entry in files)
        {
            if (entry.Length > maxEntryBytes)
                throw new ImportException(Message.Of("zip_entry_too_large", ("file", fileName), ("entry", Shorten(entry.FullName)), ("mb", maxEntryBytes >> 20)));
            if (entry.Length > 1 << 20 && entry.Length > (long)maxRatio * Math.Max(1, entry.CompressedLength))
                throw new ImportException(Message.Of("zip_bomb", ("file", fileName), ("entry", Shorten(entry.FullName)),
                    ("ratio", entry.Length / Math.Max(1, entry.CompressedLength))));
            total += entry.Length;
        }
        if (total > maxTotalBytes)
            throw new ImportException(Message.Of("zip_entry_too_large", ("file", fileName), ("entry", "*"), ("mb", maxTotalBytes >> 20)));
    }

    /// <summary>Copies an entry, counting the bytes: an entry that inflates beyond what the archive announced is refused.</summary>
    private static void Copy(ZipArchiveEntry entry, string target, string fileName, Limits limits)
    {
        var limit = Math.Min(entry.Length, limits.MaxEntryBytes);
        var buffer = new byte[1 << 16];
        long written = 0;
        try
        {
            using var source = entry.Open();
            using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                written += read;
                if (written > limit)
                    throw new ImportException(Message.Of("zip_size_mismatch", ("file", fileName), ("entry", Shorten(entry.FullName))));
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw new ImportException(Message.Of("zip_unreadable", ("file", fileName)), e);
        }
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..40] + "…" + s[^39..];
}
