using System.Globalization;
using Territory.Store;

namespace Territory.PostGis.Store;

internal sealed partial class PostGisProjectStore
{
    /// <inheritdoc />
    public StoredResult? ReadResult(string name)
    {
        using var cmd = _schema.Command($"SELECT input_key, data_version, written_at, payload FROM {_schema.Q(StoreTables.Results.Name)} WHERE name = @n", ("n", name));
        using var r = cmd.ExecuteReader();
        if (!r.Read())
            return null;
        return new StoredResult(name, r.GetString(0), r.GetInt64(1), DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture),
            r.IsDBNull(3) ? [] : (byte[])r.GetValue(3));
    }

    /// <inheritdoc />
    public void WriteResult(string name, string inputKey, ReadOnlySpan<byte> payload)
    {
        var bytes = payload.ToArray();
        InTransaction(_ =>
        {
            var version = LockVersion();
            var table = _schema.Q(StoreTables.Results.Name);
            _schema.Execute($"DELETE FROM {table} WHERE name = @n", ("n", name));
            _schema.Execute($"INSERT INTO {table} (fid, name, input_key, data_version, written_at, payload) VALUES ((SELECT coalesce(max(fid), 0) + 1 FROM {table}), @n, @k, @v, @t, @p)",
                ("n", name), ("k", inputKey), ("v", version), ("t", Now()), ("p", bytes));
            return 0;
        });
    }

    /// <summary>Every stored result whose name starts with <paramref name="prefix"/>, without payloads: name → input key.</summary>
    public IReadOnlyDictionary<string, string> ResultKeys(string prefix)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cmd = _schema.Command($"SELECT name, input_key FROM {_schema.Q(StoreTables.Results.Name)} WHERE starts_with(name, @p)", ("p", prefix));
        using var r = cmd.ExecuteReader();
        while (r.Read())
            keys[r.GetString(0)] = r.GetString(1);
        return keys;
    }
}
