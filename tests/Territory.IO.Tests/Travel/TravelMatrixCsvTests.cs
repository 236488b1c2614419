using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.IO.Travel;
using Territory.Routing.Review;

namespace Territory.IO.Tests.Travel;

public sealed class TravelMatrixCsvTests
{
    private static readonly GeometryFactory Lambert93 = new(new PrecisionModel(), CrsRegistry.Lambert93);

    private static AgencyTravelReviewResult Review(int agencies, int estates, out List<Estate> e)
    {
        e = Enumerable.Range(0, estates).Select(i => new Estate
        {
            Id = $"E{i}", Geometry = Lambert93.CreatePoint(new Coordinate(650_000 + i * 500, 6_860_000)), Dwellings = 10,
        }).ToList();
        var a = Enumerable.Range(0, agencies).Select(i => new Agency
        {
            Id = $"A{i}", Kind = AgencyKind.Agence, Location = Lambert93.CreatePoint(new Coordinate(651_000, 6_861_000 + i * 1000)),
        }).ToList();
        return AgencyTravelReview.Compute(e, a, CrsRegistry.Lambert93, null);
    }

    [Fact]
    public void WriteMatrix_MoreRowsThanASheet_SplitsIntoFilesOfAtMostTheLimit()
    {
        var review = Review(2, 4, out _);
        var dir = TestData.NewTempDir();
        var files = TravelReviewCsv.WriteMatrix(dir, review, maxRows: 3);
        Assert.Equal(8, files.Rows);
        Assert.Equal(["matrice-agences-residences-1.csv", "matrice-agences-residences-2.csv", "matrice-agences-residences-3.csv"], files.Paths.Select(Path.GetFileName));
        Assert.Equal([4, 4, 3], files.Paths.Select(p => File.ReadAllLines(p).Length));
    }

    [Fact]
    public void WriteMatrix_OneAgency_OnlyItsRowsInOneFile()
    {
        var review = Review(3, 5, out _);
        var files = TravelReviewCsv.WriteMatrix(TestData.NewTempDir(), review, ["A1"]);
        var lines = File.ReadAllLines(Assert.Single(files.Paths)).Skip(1).ToList();
        Assert.Equal(5, lines.Count);
        Assert.All(lines, l => Assert.StartsWith("A1;", l, StringComparison.Ordinal));
    }
}
