using System.IO.Compression;
using OsmSharp;
using OsmSharp.Streams;
using Territory.Routing.Graph;
using Territory.Routing.Profiles;

namespace Territory.Routing.Osm;

/// <summary>Builds a car <see cref="RoadGraph"/> from an OSM extract (PBF, XML or gzipped XML).</summary>
/// <remarks>
/// Ways are split at every node shared by two or more drivable ways (and at way ends), keeping
/// intermediate nodes as shape points; lengths are haversine metres. Ways referencing nodes the
/// file lacks (extracts clipped at a boundary) are cut at each missing node and the pieces are
/// never joined across the gap; <see cref="OsmRoadGraphReport.MissingNodeRefs"/> counts them.
/// </remarks>
public static class OsmRoadGraphLoader
{
    /// <summary>Reads an extract, choosing the format from the file name (.pbf, .osm, .gz).</summary>
    public static OsmRoadGraphResult Load(string path, CarProfile? profile = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Load(file, FormatOf(path), profile, progress, cancellationToken);
    }

    /// <summary>Infers the format from a file name.</summary>
    public static OsmFileFormat FormatOf(string path) =>
        path.EndsWith(".pbf", StringComparison.OrdinalIgnoreCase) ? OsmFileFormat.Pbf
        : path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? OsmFileFormat.XmlGzip
        : OsmFileFormat.Xml;

    /// <summary>Reads an extract from a stream.</summary>
    public static OsmRoadGraphResult Load(Stream stream, OsmFileFormat format, CarProfile? profile = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        profile ??= CarProfile.Default;
        var builder = new OsmWayCollector(profile);
        long length = stream.CanSeek ? stream.Length : 0;
        using var decompressed = format == OsmFileFormat.XmlGzip ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : null;
        OsmStreamSource source = format == OsmFileFormat.Pbf
            ? new PBFOsmStreamSource(stream)
            : new XmlOsmStreamSource(decompressed ?? stream);
        long count = 0;
        foreach (OsmGeo geo in source)
        {
            if ((++count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (length > 0) progress?.Report(0.8 * Math.Min(1.0, stream.Position / (double)length));
            }
            switch (geo)
            {
                case Node { Id: { } id, Longitude: { } lon, Latitude: { } lat }:
                    builder.AddNode(id, lon, lat);
                    break;
                case Way way when way.Nodes is { Length: >= 2 } && way.Tags is { } tags:
                    builder.AddWay(way.Nodes, key => tags.TryGetValue(key, out string value) ? value : null);
                    break;
            }
        }
        var result = builder.Build(cancellationToken);
        progress?.Report(1.0);
        return result;
    }
}
