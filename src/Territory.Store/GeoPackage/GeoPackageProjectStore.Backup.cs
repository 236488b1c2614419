using Microsoft.Data.Sqlite;
using Territory.Core.Messages;
using Territory.Store;

namespace Territory.Store.GeoPackage;

public sealed partial class GeoPackageProjectStore
{
    /// <summary>
    /// Copies the project into a new GeoPackage with SQLite's online backup API: a consistent copy of the
    /// last committed state even while another program writes (a plain file copy can catch a write half
    /// done, or leave its <c>-journal</c> behind), checked with <c>PRAGMA quick_check</c>.
    /// </summary>
    /// <param name="destination">The copy to create; it must not exist.</param>
    /// <returns>The data version copied.</returns>
    /// <exception cref="ReasonException">The destination exists, is the project itself, or the copy is not sound.</exception>
    public long BackupTo(string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var target = System.IO.Path.GetFullPath(destination);
        if (string.Equals(target, System.IO.Path.GetFullPath(Path), StringComparison.Ordinal))
            throw new ReasonException(Message.Of("backup_same_file", ("file", System.IO.Path.GetFileName(Path))));
        if (File.Exists(target))
            throw new ReasonException(Message.Of("backup_exists", ("file", System.IO.Path.GetFileName(target))));
        var temp = target + ".partiel";
        try
        {
            long version;
            using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString()))
            {
                copy.Open();
                // One step under one read lock: the copy is the state of a single commit.
                _connection.BackupDatabase(copy);
                using var check = copy.CreateCommand();
                check.CommandText = "PRAGMA quick_check";
                if (check.ExecuteScalar() as string != "ok")
                    throw new ReasonException(Message.Of("backup_unsound", ("file", System.IO.Path.GetFileName(target))));
                check.CommandText = $"SELECT value FROM {ProjectLayers.Metadata} WHERE key = 'data_version' ORDER BY fid DESC LIMIT 1";
                version = long.TryParse(check.ExecuteScalar() as string, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
            }
            File.Move(temp, target);
            return version;
        }
        catch (SqliteException e) when (StoreFailureException.From(e, Path) is { } failure)
        {
            throw failure;
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
