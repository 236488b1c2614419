using System.Globalization;
using Microsoft.Data.Sqlite;
using Territory.IO.GeoPackage;
using Territory.IO.Layers;
using Territory.Store;

namespace Territory.Store.GeoPackage;

public sealed partial class GeoPackageProjectStore
{
    /// <inheritdoc />
    public void WriteDerived(long inputVersion, Action<ILayerSink> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var tx = Begin();
        var current = ReadDataVersion(tx);
        if (current != inputVersion)
            throw new StaleVersionException(inputVersion, current);
        var sink = new TransactionSink(this, tx);
        write(sink);
        ct.ThrowIfCancellationRequested();
        // The columns readers join the results on, indexed with them (a replaced layer is a new table).
        foreach (var (table, column, index) in JoinIndexes.For(sink.Written))
            if (GeoPackageSchema.TableExists(_connection, tx, table))
            {
                using var cmd = GeoPackageSchema.Command(_connection, tx,
                    $"CREATE INDEX IF NOT EXISTS {GeoPackageSchema.Quote(index)} ON {GeoPackageSchema.Quote(table)} ({GeoPackageSchema.Quote(column)})");
                cmd.ExecuteNonQuery();
            }
        foreach (var table in sink.Written)
            SetMetadata(tx, DerivedKey(table), inputVersion.ToString(CultureInfo.InvariantCulture));
        tx.Commit();
    }

    /// <inheritdoc />
    public long? DerivedVersion(string table) =>
        long.TryParse(GetMetadata(null, DerivedKey(table)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string DerivedKey(string table) => "inputs_version:" + table;

    /// <summary>The result layers of one <see cref="WriteDerived"/>, all inside its transaction.</summary>
    private sealed class TransactionSink(GeoPackageProjectStore store, SqliteTransaction tx) : ILayerSink
    {
        public List<string> Written { get; } = [];

        public long WriteLayer(LayerDefinition layer, bool append, Action<ILayerWriter> fill, CancellationToken ct = default)
        {
            ArgumentNullException.ThrowIfNull(layer);
            if (IsReserved(layer.Name))
                throw new ArgumentException($"Table {layer.Name} belongs to the project; use ImportLayer.", nameof(layer));
            var written = store._file.WriteLayer(tx, layer, append, fill, ct);
            Written.Add(layer.Name);
            return written;
        }

        public bool HasLayer(string table) => GeoPackageSchema.TableExists(store._connection, tx, table);

        // Result writers only write; reading back happens after the commit, through the store.
        public List<StoredFeature> ReadFeatures(string table) =>
            throw new InvalidOperationException("Result layers are read back through the store once written.");
    }
}
