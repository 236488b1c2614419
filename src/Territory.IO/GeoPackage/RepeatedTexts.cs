using System.Text;

namespace Territory.IO.GeoPackage;

/// <summary>
/// One column's texts turned into strings, a value seen again given as the same string: a layer's landlord, commune
/// code, agency or building type take a few thousand values over hundreds of thousands of rows, and every row kept
/// waiting for its batch would otherwise hold its own copies (memory the young-generation collections copy).
/// </summary>
/// <remarks>
/// A cache of <see cref="Slots"/> entries addressed by the bytes' hash (a new value replaces the one in its slot).
/// After <see cref="Trial"/> lookups, a column whose values are seldom seen twice (identifiers, names) stops being
/// looked up: its strings are then made directly, as without the cache.
/// </remarks>
internal sealed class RepeatedTexts
{
    private const int Slots = 4096;
    private const int Trial = 4096;
    /// <summary>Longer values are always made afresh (names, free text).</summary>
    private const int LongestKept = 48;

    private byte[]?[]? _bytes = new byte[Slots][];
    private string?[]? _strings = new string[Slots];
    private int _looked, _found;

    /// <summary>The string of <paramref name="utf8"/>.</summary>
    public string Of(ReadOnlySpan<byte> utf8)
    {
        if (_bytes is not { } bytes || utf8.Length > LongestKept)
            return Encoding.UTF8.GetString(utf8);
        var hash = new HashCode();
        hash.AddBytes(utf8);
        var slot = hash.ToHashCode() & (Slots - 1);
        _looked++;
        if (bytes[slot] is { } seen && utf8.SequenceEqual(seen))
        {
            _found++;
            return _strings![slot]!;
        }
        var s = Encoding.UTF8.GetString(utf8);
        if (_looked >= Trial && _found < _looked / 4)
        {
            // Seldom repeated: no more lookups for this column.
            (_bytes, _strings) = (null, null);
            return s;
        }
        bytes[slot] = utf8.ToArray();
        _strings![slot] = s;
        return s;
    }
}
