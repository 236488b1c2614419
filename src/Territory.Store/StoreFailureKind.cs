namespace Territory.Store;

/// <summary>Why the project could not be read or written, as far as the user can act on it.</summary>
public enum StoreFailureKind
{
    /// <summary>Another program holds the project's write lock (SQLite busy or locked).</summary>
    Busy,
    /// <summary>The file or its folder cannot be written.</summary>
    ReadOnly,
    /// <summary>The file is damaged (corrupted pages, not a database).</summary>
    Damaged,
    /// <summary>The disk is full.</summary>
    DiskFull,
    /// <summary>The file cannot be opened (folder missing or not accessible).</summary>
    CannotOpen,
    /// <summary>An input/output error of the system.</summary>
    InputOutput,
}
