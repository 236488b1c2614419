using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Territory.IO.GeoPackage;

/// <summary>
/// The current row's values, read straight from SQLite's C API (the <c>e_sqlite3</c> library Microsoft.Data.Sqlite
/// ships) on a statement handle held open by its owner.
/// </summary>
/// <remarks>
/// SQLitePCLRaw's <c>raw.sqlite3_column_*</c> take the statement's <see cref="SafeHandle"/>: a reference count taken and
/// released and a full transition out of managed code around each of the millions of values of a large layer. These
/// accessors only read the row SQLite has already stepped to (no I/O, no callback into managed code), so they are
/// called without the transition (<see cref="SuppressGCTransitionAttribute"/>); the caller keeps the statement alive
/// (<see cref="SafeHandle.DangerousAddRef"/>) while it reads.
/// </remarks>
internal static unsafe partial class SqliteColumns
{
    private const string Library = "e_sqlite3";

    /// <summary>The storage class of a value (<c>SQLITE_INTEGER</c> 1, <c>SQLITE_FLOAT</c> 2, <c>SQLITE_TEXT</c> 3, <c>SQLITE_BLOB</c> 4, <c>SQLITE_NULL</c> 5).</summary>
    [LibraryImport(Library, EntryPoint = "sqlite3_column_type")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Type(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial long Int64(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_double")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial double Double(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_text")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial byte* Text(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_blob")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial byte* Blob(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int Bytes(nint statement, int column);

    /// <summary>A text value as UTF-8 bytes, valid until the statement steps on (the pointer first, then its length, as SQLite asks).</summary>
    public static ReadOnlySpan<byte> Utf8(nint statement, int column)
    {
        var p = Text(statement, column);
        return p is null ? default : new ReadOnlySpan<byte>(p, Bytes(statement, column));
    }

    /// <summary>A blob value, valid until the statement steps on.</summary>
    public static ReadOnlySpan<byte> BlobOf(nint statement, int column)
    {
        var p = Blob(statement, column);
        return p is null ? default : new ReadOnlySpan<byte>(p, Bytes(statement, column));
    }
}
