using System.IO.Compression;
using System.Xml;
using OsmSharp;
using OsmSharp.Streams;
using Territory.Core.Messages;
using Territory.Routing.Graph;
using Territory.Routing.Profiles;

namespace Territory.Routing.Osm;

/// <summary>Builds a car <see cref="RoadGraph"/> from an OSM extract (PBF, XML or gzipped XML).</summary>
/// <remarks>
/// <para>Ways are split at every node shared by two or more drivable ways (and at way ends), keeping
/// intermediate nodes as shape points; lengths are haversine metres. Ways referencing nodes the
/// file lacks (extracts clipped at a boundary) are cut at each missing node and the pieces are
/// never joined across the gap; <see cref="OsmRoadGraphReport.MissingNodeRefs"/> counts them.</para>
/// <para>A file that cannot be read (empty, truncated, not the format its name says, an XML DTD,
/// coordinates outside WGS 84) is refused with a <see cref="ReasonException"/> naming it; nothing
/// from it is kept.</para>
/// </remarks>
public static class OsmRoadGraphLoader
{
    /// <summary>Largest PBF BlobHeader the format allows (the specification's 64 KiB): a first word above it is not a PBF.</summary>
    private const int MaxPbfBlobHeader = 64 * 1024;

    /// <summary>Reads an extract, choosing the format from the file name (.pbf, .osm, .gz).</summary>
    /// <exception cref="ReasonException">The file is empty, unreadable or implausible.</exception>
    public static OsmRoadGraphResult Load(string path, CarProfile? profile = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Load(file, FormatOf(path), profile, progress, cancellationToken, Path.GetFileName(path));
    }

    /// <summary>Infers the format from a file name.</summary>
    public static OsmFileFormat FormatOf(string path) =>
        path.EndsWith(".pbf", StringComparison.OrdinalIgnoreCase) ? OsmFileFormat.Pbf
        : path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? OsmFileFormat.XmlGzip
        : OsmFileFormat.Xml;

    /// <summary>Reads an extract from a stream.</summary>
    /// <param name="stream">The extract.</param>
    /// <param name="format">Its encoding.</param>
    /// <param name="profile">Speeds by road class; default: the built-in car profile.</param>
    /// <param name="progress">Share read, 0–1.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <param name="fileName">Name given in the reasons.</param>
    /// <exception cref="ReasonException">The extract is empty, unreadable or implausible.</exception>
    public static OsmRoadGraphResult Load(Stream stream, OsmFileFormat format, CarProfile? profile = null, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default, string fileName = "extrait OSM")
    {
        ArgumentNullException.ThrowIfNull(stream);
        profile ??= CarProfile.Default;
        var builder = new OsmWayCollector(profile);
        long length = stream.CanSeek ? stream.Length : 0;
        if (stream.CanSeek && length == 0)
            throw new ReasonException(Message.Of("osm_empty_file", ("file", fileName)));
        if (format == OsmFileFormat.Pbf && stream.CanSeek)
            CheckPbfStart(stream, fileName);
        using var decompressed = format == OsmFileFormat.XmlGzip ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : null;
        OsmStreamSource source = format == OsmFileFormat.Pbf
            ? new PBFOsmStreamSource(stream)
            : new XmlOsmStreamSource(decompressed ?? stream);
        long count = 0;
        long badNodes = 0;
        (long Id, double Lon, double Lat)? firstBad = null;
        using var items = source.GetEnumerator();
        while (Next(items, format, fileName))
        {
            if ((++count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (length > 0) progress?.Report(0.8 * Math.Min(1.0, stream.Position / (double)length));
            }
            switch (items.Current)
            {
                case Node { Id: { } id, Longitude: { } lon, Latitude: { } lat }:
                    if (!IsLonLat(lon, lat))
                    {
                        badNodes++;
                        firstBad ??= (id, lon, lat);
                        continue;
                    }
                    builder.AddNode(id, lon, lat);
                    break;
                case Way way when way.Nodes is { Length: >= 2 } && way.Tags is { } tags:
                    builder.AddWay(way.Nodes, key => tags.TryGetValue(key, out string value) ? value : null);
                    break;
            }
        }
        if (firstBad is { } bad)
            throw new ReasonException(Message.Of("osm_coordinates_invalid", ("file", fileName), ("count", badNodes), ("node", bad.Id),
                ("lon", bad.Lon.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)),
                ("lat", bad.Lat.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))));
        var result = builder.Build(cancellationToken);
        if (result.Graph.EdgeCount == 0)
            throw new ReasonException(Message.Of("osm_no_roads", ("file", fileName), ("items", count)));
        progress?.Report(1.0);
        return result;
    }

    private static bool IsLonLat(double lon, double lat) =>
        double.IsFinite(lon) && double.IsFinite(lat) && lon is >= -180 and <= 180 && lat is >= -90 and <= 90;

    /// <summary>A PBF starts with the length of its first BlobHeader (big-endian, at most 64 KiB): random bytes rarely do.</summary>
    private static void CheckPbfStart(Stream stream, string fileName)
    {
        Span<byte> first = stackalloc byte[4];
        var read = stream.ReadAtLeast(first, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read < 4)
            throw new ReasonException(Message.Of("osm_truncated", ("file", fileName)));
        var size = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(first);
        if (size is <= 0 or > MaxPbfBlobHeader)
            throw new ReasonException(Message.Of("osm_not_pbf", ("file", fileName)));
    }

    /// <summary>
    /// The next OSM object; the third-party readers fail in many ways on a damaged file (protobuf,
    /// XML, gzip, end of stream): each becomes one reason naming the file.
    /// </summary>
    private static bool Next(IEnumerator<OsmGeo> items, OsmFileFormat format, string fileName)
    {
        try
        {
            return items.MoveNext();
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException or StackOverflowException))
        {
            throw new ReasonException(Reason(e, format, fileName), e);
        }
    }

    private static Message Reason(Exception e, OsmFileFormat format, string fileName)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case EndOfStreamException:
                    return Message.Of("osm_truncated", ("file", fileName));
                case XmlException xml when xml.Message.Contains("DTD", StringComparison.Ordinal):
                    return Message.Of("osm_dtd_refused", ("file", fileName));
                case XmlException xml when format != OsmFileFormat.Pbf:
                    return xml.Message.Contains("end of file", StringComparison.OrdinalIgnoreCase)
                        ? Message.Of("osm_truncated", ("file", fileName))
                        : Message.Of("osm_xml_invalid", ("file", fileName), ("line", xml.LineNumber));
                case InvalidDataException when format == OsmFileFormat.XmlGzip:
                    return Message.Of("osm_not_gzip", ("file", fileName));
            }
        }
        return format == OsmFileFormat.Pbf ? Message.Of("osm_not_pbf", ("file", fileName)) : Message.Of("osm_xml_invalid", ("file", fileName), ("line", 0));
    }
}
