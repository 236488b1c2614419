using Microsoft.Data.Sqlite;
using Territory.Core.Messages;

namespace Territory.Store;

/// <summary>The project could not be read or written for a reason outside the data (busy, read-only, damaged, disk full).</summary>
/// <remarks>
/// Nothing was written: SQLite rolled the transaction back. The edges render <see cref="ReasonException.Reason"/>
/// (CLI: exit 2; map server: 503 with <c>Retry-After</c> when <see cref="Kind"/> is <see cref="StoreFailureKind.Busy"/>).
/// </remarks>
public sealed class StoreFailureException(StoreFailureKind kind, Message reason, Exception inner) : ReasonException(reason, inner)
{
    /// <summary>What went wrong.</summary>
    public StoreFailureKind Kind { get; } = kind;

    /// <summary>The failure of a project as a reason, or null when <paramref name="e"/> is not a storage failure (a bug).</summary>
    /// <param name="e">Any exception thrown while reading or writing the project.</param>
    /// <param name="location">The project's path or location, named in the reason.</param>
    public static StoreFailureException? From(Exception e, string? location)
    {
        if (e is StoreFailureException known)
            return known;
        if (e is not SqliteException sqlite)
            return ProjectStores.FailureOf(e, location);
        var file = location is null ? "projet" : ProjectStores.IsUri(location) ? ProjectStores.Display(location) : System.IO.Path.GetFileName(location);
        // Primary result codes (the low byte of an extended code): https://sqlite.org/rescode.html
        (StoreFailureKind Kind, string Code)? failure = (sqlite.SqliteErrorCode & 0xFF) switch
        {
            5 or 6 => (StoreFailureKind.Busy, "project_busy"),
            8 => (StoreFailureKind.ReadOnly, "project_read_only"),
            11 or 26 => (StoreFailureKind.Damaged, "project_damaged"),
            13 => (StoreFailureKind.DiskFull, "project_disk_full"),
            14 => (StoreFailureKind.CannotOpen, "project_cannot_open"),
            10 or 15 => (StoreFailureKind.InputOutput, "project_io_error"),
            _ => null,
        };
        return failure is { } f ? new StoreFailureException(f.Kind, Territory.Core.Messages.Message.Of(f.Code, ("file", file)), e) : null;
    }
}
