using System.Text;
using System.Text.Json;
using Territory.Core.Messages;
using Territory.IO.Import;

namespace Territory.IO.GeoJson;

/// <summary>
/// Walks a GeoJSON file's structure byte by byte, in one pass over a stream, and hands out its root
/// members and each element of its <c>features</c> array as a separate piece of JSON bytes.
/// </summary>
/// <remarks>
/// <para>Only strings, escapes and brackets are tracked: each piece is then parsed on its own
/// (<see cref="Utf8JsonReader"/>), so a malformed feature is one rejected row, never the end of the
/// file, and memory stays bounded by the largest piece (at most <see cref="MaxPieceBytes"/>), whatever
/// the file's size.</para>
/// <para>Refused as a whole: a root that is not an object, a root member named twice (a second
/// <c>type</c> would change the file's meaning), unbalanced brackets or an unterminated string
/// (a truncated file), content after the root.</para>
/// </remarks>
internal sealed class GeoJsonSplitter
{
    /// <summary>Largest feature (or root member) read, bytes: a detailed commune polygon is a few MB.</summary>
    internal const int MaxPieceBytes = 256 << 20;

    private readonly Stream _stream;
    private readonly string _fileName;
    private readonly byte[] _chunk = new byte[1 << 16];
    private byte[] _piece = new byte[1 << 12];
    private int _pieceLength;
    private bool _pieceTooLarge;
    private long _line = 1;

    public GeoJsonSplitter(Stream utf8, string fileName)
    {
        _stream = utf8;
        _fileName = fileName;
    }

    /// <summary>True once the root's <c>features</c> member was found to be an array.</summary>
    public bool SawFeaturesArray { get; private set; }

    /// <summary>Bytes read so far.</summary>
    public long Position { get; private set; }

    /// <summary>One piece of the file.</summary>
    /// <param name="Key">The root member's name; null for a feature.</param>
    /// <param name="Index">1-based position in <c>features</c> (0 for a root member).</param>
    /// <param name="Bytes">The piece's JSON; valid until the next piece; empty when too large.</param>
    /// <param name="TooLarge">The piece exceeds <see cref="MaxPieceBytes"/> and was not kept.</param>
    internal readonly record struct Piece(string? Key, long Index, ReadOnlyMemory<byte> Bytes, bool TooLarge);

    /// <summary>Root members (but <c>features</c>) and features, in file order.</summary>
    /// <exception cref="ImportException">The structure is not a JSON object, is truncated, or names a root member twice.</exception>
    public IEnumerable<Piece> Pieces(CancellationToken ct)
    {
        // Structural state: depth counts open objects and arrays; strings and escapes are skipped over.
        var depth = 0;
        var inString = false;
        var escape = false;
        var rootClosed = false;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        string? key = null;          // the root member being read
        var expectKey = true;        // at depth 1: a key comes next (else a value)
        var inFeatures = false;      // inside the root's features array (depth 2)
        var capturing = false;       // the bytes go into the current piece
        var captureDepth = 0;        // depth at which the current piece ends
        var scalar = false;          // the current piece is a number or a literal (ends at , ] or })
        var keyBytes = new List<byte>(32);
        var readingKey = false;
        long index = 0;

        int read;
        while ((read = _stream.Read(_chunk, 0, _chunk.Length)) > 0)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < read; i++)
            {
                var b = _chunk[i];
                if (b == (byte)'\n')
                    _line++;
                if (inString)
                {
                    if (capturing)
                        Append(b);
                    if (readingKey && keyBytes.Count < 1024 && (escape || b != (byte)'"'))
                        keyBytes.Add(b);
                    if (escape)
                        escape = false;
                    else if (b == (byte)'\\')
                        escape = true;
                    else if (b == (byte)'"')
                    {
                        inString = false;
                        if (readingKey)
                        {
                            readingKey = false;
                            key = DecodeKey(keyBytes);
                            if (!keys.Add(key))
                                throw Fail("geojson_duplicate_key", ("key", key));
                            continue;
                        }
                        if (capturing && !scalar && depth == captureDepth)
                        {
                            // A string value, whole.
                            capturing = false;
                            yield return Emit(inFeatures ? null : key, inFeatures ? ++index : 0);
                        }
                    }
                    continue;
                }
                if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                {
                    if (capturing && !scalar)
                        Append(b);
                    continue;
                }
                if (rootClosed)
                    throw Fail("geojson_content_after_root");
                if (depth == 0)
                {
                    if (b != (byte)'{')
                        throw Fail("geojson_root_not_object");
                    depth = 1;
                    continue;
                }

                // A scalar value (number, true, false, null) ends at the next delimiter.
                if (capturing && scalar && b is (byte)',' or (byte)']' or (byte)'}')
                {
                    capturing = false;
                    scalar = false;
                    yield return Emit(inFeatures ? null : key, inFeatures ? ++index : 0);
                }

                var atValueStart = !capturing && ((depth == 1 && !expectKey) || (inFeatures && depth == 2));
                if (depth == 1 && expectKey && b == (byte)'"')
                {
                    inString = true;
                    readingKey = true;
                    keyBytes.Clear();
                    continue;
                }
                if (depth == 1 && b == (byte)':')
                {
                    expectKey = false;
                    continue;
                }
                if (depth == 1 && b == (byte)',')
                {
                    expectKey = true;
                    continue;
                }
                if (atValueStart && b is not ((byte)',' or (byte)']' or (byte)'}'))
                {
                    if (depth == 1 && key == "features" && b == (byte)'[')
                    {
                        inFeatures = true;
                        SawFeaturesArray = true;
                        depth = 2;
                        continue;
                    }
                    StartPiece();
                    capturing = true;
                    captureDepth = depth;
                    scalar = b is not ((byte)'{' or (byte)'[' or (byte)'"');
                    if (b == (byte)'"')
                    {
                        Append(b);
                        inString = true;
                        continue;
                    }
                }
                if (capturing)
                    Append(b);
                if (b is (byte)'{' or (byte)'[')
                {
                    depth++;
                    continue;
                }
                if (b is (byte)'}' or (byte)']')
                {
                    depth--;
                    if (depth < 0)
                        throw Fail("geojson_invalid_json", ("line", _line));
                    if (capturing && !scalar && depth == captureDepth)
                    {
                        capturing = false;
                        yield return Emit(inFeatures ? null : key, inFeatures ? ++index : 0);
                    }
                    else if (inFeatures && depth == 1)
                    {
                        inFeatures = false;
                    }
                    else if (depth == 0)
                    {
                        rootClosed = true;
                    }
                }
            }
            Position += read;
        }
        if (depth == 0 && !rootClosed && !inString)
            throw Fail("geojson_no_content");
        if (!rootClosed || inString)
            throw Fail("geojson_truncated", ("line", _line), ("features", index));
    }

    private void StartPiece()
    {
        _pieceLength = 0;
        _pieceTooLarge = false;
    }

    private void Append(byte b)
    {
        if (_pieceTooLarge)
            return;
        if (_pieceLength == _piece.Length)
        {
            if (_piece.Length >= MaxPieceBytes)
            {
                _pieceTooLarge = true;
                return;
            }
            Array.Resize(ref _piece, Math.Min(MaxPieceBytes, _piece.Length * 2));
        }
        _piece[_pieceLength++] = b;
    }

    private Piece Emit(string? key, long index) =>
        new(key, index, _pieceTooLarge ? ReadOnlyMemory<byte>.Empty : _piece.AsMemory(0, _pieceLength), _pieceTooLarge);

    // Keys are short; escapes in them (\u00e9…) are decoded by the JSON reader itself.
    private static string DecodeKey(List<byte> raw)
    {
        var bytes = new byte[raw.Count + 2];
        bytes[0] = bytes[^1] = (byte)'"';
        raw.CopyTo(bytes, 1);
        try
        {
            return JsonSerializer.Deserialize<string>(bytes) ?? "";
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(bytes, 1, raw.Count);
        }
    }

    private ImportException Fail(string code, params (string Name, object? Value)[] args) =>
        new(Message.Of(code, [("file", _fileName), .. args]));
}
