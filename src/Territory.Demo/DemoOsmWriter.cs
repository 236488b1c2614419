using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;

namespace Territory.Demo;

/// <summary>Writes a <see cref="DemoRoadNetwork"/> as an OSM PBF file (OsmSharp).</summary>
/// <remarks>
/// Nodes come before ways, both sorted by id; every object has version 1, changeset 1 and a fixed
/// timestamp, so the same network always gives the same bytes. Nodes are written as plain (not
/// dense) PBF nodes; see <see cref="WritePbf(DemoRoadNetwork, Stream)"/>.
/// </remarks>
public static class DemoOsmWriter
{
    /// <summary>Fixed timestamp of every written object.</summary>
    public static readonly DateTime Timestamp = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private const string User = "territory-demo";

    /// <summary>Writes <paramref name="roads"/> to a new PBF file at <paramref name="path"/>.</summary>
    public static void WritePbf(DemoRoadNetwork roads, string path)
    {
        using var stream = File.Create(path);
        WritePbf(roads, stream);
    }

    /// <summary>Writes <paramref name="roads"/> as PBF to <paramref name="stream"/> (left open).</summary>
    public static void WritePbf(DemoRoadNetwork roads, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(roads);
        ArgumentNullException.ThrowIfNull(stream);
        // Plain (non-dense) nodes: OsmSharp 7.0.0-pre022 delta-encodes DenseInfo.version, which the
        // PBF format stores raw, so dense nodes would read back as version 0 in every reader.
        var target = new PBFOsmStreamTarget(stream, false);
        target.Initialize();
        foreach (var n in roads.Nodes.OrderBy(n => n.Id))
        {
            target.AddNode(new Node
            {
                Id = n.Id,
                Longitude = n.Longitude,
                Latitude = n.Latitude,
                Tags = new TagsCollection(),
                Version = 1,
                ChangeSetId = 1,
                TimeStamp = Timestamp,
                UserId = 1,
                UserName = User,
                Visible = true,
            });
        }
        foreach (var w in roads.Ways.OrderBy(w => w.Id))
        {
            target.AddWay(new Way
            {
                Id = w.Id,
                Nodes = w.NodeIds.ToArray(),
                Tags = new TagsCollection(w.Tags.Select(t => new Tag(t.Key, t.Value))),
                Version = 1,
                ChangeSetId = 1,
                TimeStamp = Timestamp,
                UserId = 1,
                UserName = User,
                Visible = true,
            });
        }
        target.Flush();
        stream.Flush();
    }
}
