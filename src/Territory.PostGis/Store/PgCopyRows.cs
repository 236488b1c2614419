using System.Buffers.Binary;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Territory.PostGis.Store;

/// <summary>
/// Encodes rows in PostgreSQL's binary COPY format (<c>COPY … FROM STDIN (FORMAT BINARY)</c>) into a buffer handed to
/// the connection's raw COPY stream when full.
/// </summary>
/// <remarks>
/// <para>Each field is its type's binary « send » form: <c>bigint</c> and <c>double precision</c> 8 bytes big-endian,
/// <c>boolean</c> one byte, <c>text</c> UTF-8, <c>timestamptz</c> microseconds since 2000-01-01 UTC, <c>bytea</c> the
/// bytes, <c>geometry</c> EWKB (what PostGIS's <c>geometry_recv</c> reads; a point is its 25 bytes written here, other
/// geometries go through NetTopologySuite's PostGIS writer, XY as the connection's plugin writes them).</para>
/// <para>Npgsql's typed importer resolves a parameter and its converter for every value; a national import writes
/// three million of them, and this encoder is what its client then spends on the COPY (docs/benchmarks.md).</para>
/// </remarks>
internal sealed class PgCopyRows(Stream copy)
{
    private const int Capacity = 1 << 16;
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private const uint WkbPoint = 1;
    private const uint WkbSridFlag = 0x20000000;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly PostGisWriter _geometries = new() { HandleOrdinates = Ordinates.XY };
    private byte[] _buffer = new byte[Capacity];
    private int _used;
    private bool _started;

    /// <summary>Starts a row of <paramref name="fields"/> fields.</summary>
    public void StartRow(int fields)
    {
        if (!_started)
        {
            Append(Header);
            _started = true;
        }
        var span = Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(span, checked((short)fields));
    }

    public void Null() => BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1);

    public void Int64(long value)
    {
        var span = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
    }

    public void Double(double value)
    {
        var span = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteDoubleBigEndian(span[4..], value);
    }

    public void Boolean(bool value)
    {
        var span = Reserve(5);
        BinaryPrimitives.WriteInt32BigEndian(span, 1);
        span[4] = value ? (byte)1 : (byte)0;
    }

    /// <summary>A UTC instant as <c>timestamptz</c>.</summary>
    public void Timestamp(DateTime utc) => Int64((utc.Ticks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);

    public void Text(string value)
    {
        var span = Reserve(4 + Utf8.GetMaxByteCount(value.Length));
        var length = Utf8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        _used -= span.Length - 4 - length;
    }

    public void Bytes(ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Reserve(4), value.Length);
        Append(value);
    }

    /// <summary>A geometry as EWKB with <paramref name="srid"/>.</summary>
    public void Geometry(Geometry geometry, int srid)
    {
        if (geometry is Point { IsEmpty: false } p)
        {
            var span = Reserve(4 + 25);
            BinaryPrimitives.WriteInt32BigEndian(span, 25);
            span[4] = 1; // little-endian (NDR)
            BinaryPrimitives.WriteUInt32LittleEndian(span[5..], WkbPoint | WkbSridFlag);
            BinaryPrimitives.WriteInt32LittleEndian(span[9..], srid);
            BinaryPrimitives.WriteDoubleLittleEndian(span[13..], p.X);
            BinaryPrimitives.WriteDoubleLittleEndian(span[21..], p.Y);
            return;
        }
        if (geometry.SRID != srid)
        {
            geometry = geometry.Copy();
            geometry.SRID = srid;
        }
        Bytes(_geometries.Write(geometry));
    }

    /// <summary>Writes the trailer and what the buffer holds.</summary>
    public void Complete()
    {
        if (!_started)
        {
            Append(Header);
            _started = true;
        }
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);
        Flush();
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _used)
        {
            Flush();
            if (bytes.Length > _buffer.Length)
            {
                copy.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private Span<byte> Reserve(int length)
    {
        if (length > _buffer.Length - _used)
        {
            Flush();
            if (length > _buffer.Length)
                _buffer = new byte[length];
        }
        var span = _buffer.AsSpan(_used, length);
        _used += length;
        return span;
    }

    private void Flush()
    {
        if (_used == 0)
            return;
        copy.Write(_buffer, 0, _used);
        _used = 0;
    }
}
