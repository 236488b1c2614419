using Territory.Core.Model;
using Territory.Demo;

namespace Territory.Demo.Tests;

[Collection(DemoCollection.Name)]
public sealed class DemoDeterminismTests(DemoFixture fixture)
{
    [Fact]
    public void Generate_SameSeedTwice_IdenticalDatasetAndPbfBytes()
    {
        var again = DemoGenerator.Generate(2154);

        Assert.Equal(Describe(fixture.Dataset), Describe(again));
        Assert.Equal(File.ReadAllBytes(fixture.PbfPath), Pbf(again));
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentDataset()
    {
        var other = DemoGenerator.Generate(1);

        Assert.NotEqual(Describe(fixture.Dataset), Describe(other));
        Assert.NotEqual(File.ReadAllBytes(fixture.PbfPath), Pbf(other));
    }

    private static byte[] Pbf(DemoDataset d)
    {
        using var ms = new MemoryStream();
        DemoOsmWriter.WritePbf(d.Roads, ms);
        return ms.ToArray();
    }

    /// <summary>Every field and geometry (as WKT) of the dataset, one line per object.</summary>
    private static List<string> Describe(DemoDataset d)
    {
        var lines = new List<string> { d.Name, d.Landlord, d.Outline.AsText() };
        lines.AddRange(d.Communes.Select(c => $"{c.Code}|{c.Name}|{c.Population}|{c.AreaKm2}|{c.DensityLevel}|{c.Geometry.AsText()}"));
        lines.AddRange(d.Districts.Select(q => $"{q.Code}|{q.Name}|{q.CommuneCode}|{q.Geometry.AsText()}"));
        lines.AddRange(d.Estates.Select(e => $"{e.Id}|{e.Name}|{e.Landlord}|{e.Dwellings}|{e.Housing}|{e.ConstructionYear}|{e.CommuneCode}|{e.QpvCode}|{e.AgencyId}|{e.Geometry.AsText()}"));
        lines.AddRange(d.Agencies.Select(Describe));
        lines.AddRange(d.Roads.Nodes.Select(n => $"{n.Id}|{n.Longitude:R}|{n.Latitude:R}"));
        lines.AddRange(d.Roads.Ways.Select(w => $"{w.Id}|{string.Join(',', w.NodeIds)}|{string.Join(';', w.Tags.Select(t => $"{t.Key}={t.Value}"))}"));
        return lines;
    }

    private static string Describe(Agency a) =>
        $"{a.Id}|{a.Name}|{a.Kind}|{a.Staff}|{a.SiteStaff}|{a.Accueil}|{a.PerimeterModel}|{a.CommuneCode}|{a.Location.AsText()}";
}
