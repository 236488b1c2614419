using System.Security.Cryptography;
using System.Text;
using Territory.Core.Model;

namespace Territory.Demo.Tests;

/// <summary><c>territory demo --estates N</c>: exactly N estates, the same for the same N, spread over more départements as N grows.</summary>
public sealed class ScaledDemoTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(1_500)]
    [InlineData(25_000)]
    public void Generate_Size_ExactlyThatManyEstatesWithUniqueIds(int estates)
    {
        var d = DemoGenerator.Generate(2154, estates);

        Assert.Equal(estates, d.Estates.Count);
        Assert.Equal(estates, d.Estates.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(d.Agencies.Count, d.Agencies.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(d.Communes.Count, d.Communes.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(d.Districts.Count, d.Districts.Select(q => q.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(d.Estates.Where(e => e.AgencyId is not null), e => Assert.Contains(d.Agencies, a => a.Id == e.AgencyId));
        Assert.Single(d.Agencies, a => a.Kind == AgencyKind.Siege);
        Assert.Equal(d.Roads.Nodes.Count, d.Roads.Nodes.Select(n => n.Id).Distinct().Count());
    }

    [Fact]
    public void Generate_SameSizeTwice_SameDataset()
    {
        Assert.Equal(Hash(DemoGenerator.Generate(2154, 12_345)), Hash(DemoGenerator.Generate(2154, 12_345)));
        Assert.NotEqual(Hash(DemoGenerator.Generate(2154, 12_345)), Hash(DemoGenerator.Generate(2154, 12_346)));
    }

    [Fact]
    public void Generate_LargerPortfolio_SpreadOverMoreDepartementsNotDenser()
    {
        var small = DemoGenerator.Generate(2154, 10_000);
        var large = DemoGenerator.Generate(2154, 35_000);

        Assert.Equal(1, Departements(small));
        Assert.Equal(4, Departements(large));
        // Each département holds about the same number of estates: the area grows with the portfolio.
        var perDepartement = large.Estates.GroupBy(e => e.CommuneCode![..2]).Select(g => g.Count()).ToList();
        Assert.All(perDepartement, n => Assert.InRange(n, 8_700, 8_800));
        Assert.True(large.Outline.Area > 3.5 * small.Outline.Area);
        // Every estate stays within a few hundred metres of its département.
        var outline = large.Outline.Buffer(1_000);
        Assert.All(large.Estates, e => Assert.True(outline.Covers(e.Geometry), e.Id));
    }

    private static int Departements(DemoDataset d) => d.Communes.Select(c => c.Code[..2]).Distinct().Count();

    private static string Hash(DemoDataset d)
    {
        var text = new StringBuilder();
        foreach (var e in d.Estates)
            text.Append(e.Id).Append('|').Append(e.Dwellings).Append('|').Append(e.AgencyId).Append('|').Append(e.Geometry.AsText()).Append('\n');
        foreach (var a in d.Agencies)
            text.Append(a.Id).Append('|').Append(a.Location.AsText()).Append('\n');
        foreach (var n in d.Roads.Nodes)
            text.Append(n.Id).Append('|').Append(n.Longitude).Append('|').Append(n.Latitude).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
