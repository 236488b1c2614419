using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Territory.IO.GeoPackage;

/// <summary>A prepared SQLite statement driven directly (bind, step, reset) for bulk writes.</summary>
/// <remarks>
/// Runs on the connection of a Microsoft.Data.Sqlite transaction, so it joins that transaction;
/// it skips ADO.NET's per-execution parameter handling, which dominates a million-row insert.
/// Parameters are 1-based, as in SQLite.
/// </remarks>
public sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    /// <summary>Binds a CLR value: null, string, integer types, double/float, bool (0/1), byte[], DateTime (ISO text).</summary>
    public void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_stmt, index),
            string s => raw.sqlite3_bind_text(_stmt, index, s),
            int i => raw.sqlite3_bind_int64(_stmt, index, i),
            long l => raw.sqlite3_bind_int64(_stmt, index, l),
            double d => raw.sqlite3_bind_double(_stmt, index, d),
            bool b => raw.sqlite3_bind_int64(_stmt, index, b ? 1 : 0),
            byte[] blob => raw.sqlite3_bind_blob(_stmt, index, blob),
            float f => raw.sqlite3_bind_double(_stmt, index, f),
            short s => raw.sqlite3_bind_int64(_stmt, index, s),
            byte b => raw.sqlite3_bind_int64(_stmt, index, b),
            DateTime d => raw.sqlite3_bind_text(_stmt, index, Iso(d.ToUniversalTime())),
            DateTimeOffset d => raw.sqlite3_bind_text(_stmt, index, Iso(d.UtcDateTime)),
            _ => throw new ArgumentException($"Unsupported column value type {value.GetType().Name}.", nameof(value)),
        };
        Check(rc);
    }

    public void BindInt64(int index, long value) => Check(raw.sqlite3_bind_int64(_stmt, index, value));

    public void BindDouble(int index, double value) => Check(raw.sqlite3_bind_double(_stmt, index, value));

    /// <summary>Executes the statement once and resets it for the next row; throws <see cref="SqliteException"/> on failure.</summary>
    public void Step()
    {
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
            Check(rc == raw.SQLITE_OK ? raw.SQLITE_ERROR : rc);
    }

    /// <summary>Rowid of the last row inserted on the connection.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    public void Dispose() => _stmt.Dispose();

    internal static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
    }
}
