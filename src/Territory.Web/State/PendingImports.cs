using Territory.IO.Import;

namespace Territory.Web.State;

/// <summary>
/// Files read by an import preview, waiting for the user's confirmation: the commit writes what was
/// previewed without uploading or reading the file again. Few and short-lived: they hold every row.
/// </summary>
internal sealed class PendingImports
{
    /// <summary>Previews kept at once; an older one is dropped when a new one comes.</summary>
    internal const int Capacity = 2;

    /// <summary>How long a preview waits for its confirmation.</summary>
    internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly List<Entry> _entries = [];

    /// <summary>Keeps a preview's rows; returns its token.</summary>
    public string Add(ImportResult result, ImportRequest request)
    {
        var token = Guid.NewGuid().ToString("N");
        lock (_entries)
        {
            _entries.RemoveAll(e => e.Expired);
            while (_entries.Count >= Capacity)
                _entries.RemoveAt(0);
            _entries.Add(new Entry(token, result, request, DateTimeOffset.UtcNow + Lifetime));
        }
        return token;
    }

    /// <summary>Puts back a preview whose commit was refused before writing anything.</summary>
    public void Put(string token, ImportResult result, ImportRequest request)
    {
        lock (_entries)
            _entries.Add(new Entry(token, result, request, DateTimeOffset.UtcNow + Lifetime));
    }

    /// <summary>The preview of that token, removed (a preview commits once); null when unknown or expired.</summary>
    public (ImportResult Result, ImportRequest Request)? Take(string token)
    {
        lock (_entries)
        {
            var index = _entries.FindIndex(e => string.Equals(e.Token, token, StringComparison.Ordinal));
            if (index < 0)
                return null;
            var entry = _entries[index];
            _entries.RemoveAt(index);
            return entry.Expired ? null : (entry.Result, entry.Request);
        }
    }

    private sealed record Entry(string Token, ImportResult Result, ImportRequest Request, DateTimeOffset Until)
    {
        public bool Expired => DateTimeOffset.UtcNow > Until;
    }
}
