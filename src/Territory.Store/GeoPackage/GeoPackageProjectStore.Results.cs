using System.Globalization;
using Territory.IO.GeoPackage;
using Territory.Store;

namespace Territory.Store.GeoPackage;

public sealed partial class GeoPackageProjectStore
{
    /// <inheritdoc />
    public StoredResult? ReadResult(string name)
    {
        using var cmd = GeoPackageSchema.Command(_connection, null,
            $"SELECT input_key, data_version, written_at, payload FROM {StoreTables.Results.Name} WHERE name = $n");
        cmd.Parameters.AddWithValue("$n", name);
        using var r = cmd.ExecuteReader();
        if (!r.Read())
            return null;
        return new StoredResult(name, r.GetString(0), r.GetInt64(1), DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture),
            r.IsDBNull(3) ? [] : (byte[])r.GetValue(3));
    }

    /// <inheritdoc />
    public void WriteResult(string name, string inputKey, ReadOnlySpan<byte> payload)
    {
        using var tx = Begin();
        var version = ReadDataVersion(tx);
        using (var delete = GeoPackageSchema.Command(_connection, tx, $"DELETE FROM {StoreTables.Results.Name} WHERE name = $n"))
        {
            delete.Parameters.AddWithValue("$n", name);
            delete.ExecuteNonQuery();
        }
        using (var insert = GeoPackageSchema.Command(_connection, tx,
                   $"INSERT INTO {StoreTables.Results.Name} (name, input_key, data_version, written_at, payload) VALUES ($n, $k, $v, $t, $p)"))
        {
            insert.Parameters.AddWithValue("$n", name);
            insert.Parameters.AddWithValue("$k", inputKey);
            insert.Parameters.AddWithValue("$v", version);
            insert.Parameters.AddWithValue("$t", Now());
            insert.Parameters.AddWithValue("$p", payload.ToArray());
            insert.ExecuteNonQuery();
        }
        tx.Commit();
    }
}
