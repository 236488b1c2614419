using OsmSharp;
using OsmSharp.Streams;
using Territory.Demo;

namespace Territory.Demo.Tests;

/// <summary>One generated dataset and its PBF, shared by the demo tests (generation takes about a second).</summary>
public sealed class DemoFixture : IDisposable
{
    public DemoDataset Dataset { get; } = DemoGenerator.Generate();
    public string PbfPath { get; }

    public DemoFixture()
    {
        PbfPath = Path.Combine(Path.GetTempPath(), $"territory-demo-{Guid.NewGuid():N}.osm.pbf");
        DemoOsmWriter.WritePbf(Dataset.Roads, PbfPath);
        _readBack = new Lazy<List<OsmGeo>>(() =>
        {
            using var stream = File.OpenRead(PbfPath);
            return new PBFOsmStreamSource(stream).ToList();
        });
    }

    private readonly Lazy<List<OsmGeo>> _readBack;

    /// <summary>Every object of the PBF, read once with OsmSharp.</summary>
    public List<OsmGeo> ReadBack => _readBack.Value;

    public void Dispose() => File.Delete(PbfPath);
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoFixture>
{
    public const string Name = "Demo dataset";
}
