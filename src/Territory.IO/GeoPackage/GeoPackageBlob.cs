using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Territory.IO.GeoPackage;

/// <summary>GeoPackage geometry blobs (header + WKB, spec clause 2.1.3), XY only.</summary>
/// <remarks>
/// Points, the bulk of a patrimony, are encoded by hand (29 bytes, no envelope, as GDAL does);
/// other geometries go through NTS's <see cref="GeoPackageGeoWriter"/> with the header's
/// <c>srs_id</c> set to the layer's. Not thread-safe: one instance per writer or reader.
/// </remarks>
public sealed class GeoPackageBlob
{
    private const int HeaderSize = 8;
    private readonly GeoPackageGeoWriter _writer = new() { HandleOrdinates = Ordinates.XY };
    private readonly GeoPackageGeoReader _reader = new() { HandleSRID = true };

    /// <summary>Encodes <paramref name="geometry"/> with <paramref name="srid"/> in the header; never mutates it.</summary>
    public byte[] Write(Geometry geometry, int srid)
    {
        if (geometry is Point { IsEmpty: false } point)
            return WritePoint(point.X, point.Y, srid);
        var blob = _writer.Write(geometry);
        var littleEndian = (blob[3] & 1) == 1;
        if (littleEndian)
            BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), srid);
        else
            BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4), srid);
        return blob;
    }

    /// <summary>Encodes a point (little endian, no envelope).</summary>
    public static byte[] WritePoint(double x, double y, int srid)
    {
        var blob = new byte[HeaderSize + 21];
        blob[0] = (byte)'G';
        blob[1] = (byte)'P';
        blob[2] = 0; // version 1
        blob[3] = 1; // little endian, no envelope, not empty, standard binary
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), srid);
        blob[8] = 1; // WKB little endian
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(9), 1); // wkbPoint
        BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(13), x);
        BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(21), y);
        return blob;
    }

    /// <summary>Decodes a blob; the geometry's SRID is the header's.</summary>
    public Geometry Read(byte[] blob) => TryReadPoint(blob) ?? _reader.Read(blob);

    /// <summary>Decodes a blob read in place (a SQLite column); the geometry's SRID is the header's.</summary>
    public Geometry Read(ReadOnlySpan<byte> blob) => TryReadPoint(blob) ?? _reader.Read(blob.ToArray());

    // The factory of the last SRID read: a point made by it carries its SRID without the look-up of a factory that
    // setting Geometry.SRID makes for every point.
    private GeometryFactory? _points;

    /// <summary>Fast path for the common XY point blob (no envelope, little-endian WKB); null otherwise.</summary>
    private Point? TryReadPoint(ReadOnlySpan<byte> blob)
    {
        if (!TryReadPoint(blob, out var x, out var y, out var srid))
            return null;
        if (_points is null || _points.SRID != srid)
            _points = NtsGeometryServices.Instance.CreateGeometryFactory(srid);
        return _points.CreatePoint(new Coordinate(x, y));
    }

    /// <summary>
    /// The coordinates and header SRID of the common XY point blob (no envelope, little-endian WKB, not empty), without
    /// making the point; false for any other blob (<see cref="Read(ReadOnlySpan{byte})"/> decodes it).
    /// </summary>
    public static bool TryReadPoint(ReadOnlySpan<byte> blob, out double x, out double y, out int srid)
    {
        (x, y, srid) = (double.NaN, double.NaN, 0);
        // Flags: bit 0 byte order (ignored, header read below), bits 1-3 envelope code, bit 4 empty, bit 5 extended.
        if (blob.Length != HeaderSize + 21 || blob[0] != 'G' || blob[1] != 'P' || (blob[3] & 0x3E) != 0 || blob[8] != 1)
            return false;
        var span = blob;
        if (BinaryPrimitives.ReadUInt32LittleEndian(span[9..]) != 1)
            return false;
        var px = BinaryPrimitives.ReadDoubleLittleEndian(span[13..]);
        var py = BinaryPrimitives.ReadDoubleLittleEndian(span[21..]);
        if (double.IsNaN(px) && double.IsNaN(py))
            return false;
        srid = (blob[3] & 1) == 1 ? BinaryPrimitives.ReadInt32LittleEndian(span[4..]) : BinaryPrimitives.ReadInt32BigEndian(span[4..]);
        (x, y) = (px, py);
        return true;
    }

    /// <summary>
    /// Registers <c>ST_IsEmpty</c>, <c>ST_MinX</c>, <c>ST_MaxX</c>, <c>ST_MinY</c>, <c>ST_MaxY</c>
    /// on the connection, so the spec's rtree triggers can run if a statement fires them.
    /// </summary>
    public static void RegisterSqlFunctions(SqliteConnection connection)
    {
        connection.CreateFunction("ST_IsEmpty", (byte[]? b) => b is null ? (bool?)null : b.Length < HeaderSize || (b[3] & 0x10) != 0, isDeterministic: true);
        connection.CreateFunction("ST_MinX", (byte[]? b) => EnvelopeOf(b)?.MinX, isDeterministic: true);
        connection.CreateFunction("ST_MaxX", (byte[]? b) => EnvelopeOf(b)?.MaxX, isDeterministic: true);
        connection.CreateFunction("ST_MinY", (byte[]? b) => EnvelopeOf(b)?.MinY, isDeterministic: true);
        connection.CreateFunction("ST_MaxY", (byte[]? b) => EnvelopeOf(b)?.MaxY, isDeterministic: true);
    }

    private static Envelope? EnvelopeOf(byte[]? blob)
    {
        if (blob is null || blob.Length < HeaderSize || (blob[3] & 0x10) != 0)
            return null;
        var geometry = new GeoPackageGeoReader { HandleSRID = true }.Read(blob);
        return geometry.IsEmpty ? null : geometry.EnvelopeInternal;
    }
}
