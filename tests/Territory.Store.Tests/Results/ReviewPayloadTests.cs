using System.Text.Json;
using Territory.Core.Model;
using Territory.Routing.Algorithms;
using Territory.Routing.Review;
using Territory.Store.Results;

namespace Territory.Store.Tests.Results;

/// <summary>The stored travel review (binary) reads back equal to the computed one.</summary>
public sealed class ReviewPayloadTests
{
    [Fact]
    public void Read_WrittenReview_EqualRecordsAndEveryMatrixCell()
    {
        (double?, double?, string?)[] reached = [(61.5, 812.25, null), (null, null, "no road path"), (0.1 + 0.2, 1e-300, null), (null, null, "estate not snapped: no road within 500 m")];
        (double?, double?, string?)[] far = [(null, null, "no road path"), (null, null, "no road path"), (null, null, "no road path"), (12, 100, null)];
        (double?, double?, string?)[] odd = [(1, null, null), (3, 4, "why"), (null, 6, null), (7, 8, null)];
        var matrix = AgencyEstateMatrix.FromRows(["A", "B", "C", "D"], ["e1", "e2", "e3", "e4"], [reached, far, null, odd], [null, null, "agency not snapped", null]);
        var review = new AgencyTravelReviewResult(
            [new EstateAccess("e1", "A", 61.5, 812.25, false), new EstateAccess("e2", null, null, null, false, "no agency reaches the estate by road")],
            [new EstateTravel("e1", "A", "A", 61.5, 812.25, 61.5, 812.25, 12.5, false, null),
             new EstateTravel("e2", null, null, null, null, null, null, null, false, "estate not snapped") { SnapFailureCode = "too_far" }],
            [new AgencyTravelSummary("A", 1, 40, 1.025, 1.025, 1.025, 1.025, new Dictionary<int, int> { [20] = 0, [30] = 0 }, 0, 0, false)],
            false,
            new Dictionary<string, string> { ["C"] = "agency not snapped" }) { Matrix = matrix };

        var back = ReviewPayload.Read(ReviewPayload.Write(review));

        Assert.Equal(Json(review), Json(back));
        for (var a = 0; a < 4; a++)
        {
            Assert.Equal(matrix.HasRow(a), back.Matrix!.HasRow(a));
            Assert.Equal(matrix.RowReason(a), back.Matrix.RowReason(a));
            for (var e = 0; e < 4; e++)
                Assert.Equal(matrix[a, e], back.Matrix[a, e]);
        }
    }

    [Fact]
    public void Read_RowsSharingReasonsByEstate_SameCellsAndOneSharedArray()
    {
        string?[] columns = [null, "target not snapped: nearest road 812 m away", null];
        var a = SparseTravelRow.Create(3, [0], [60], [900], "no path", [], [], columns);
        var b = SparseTravelRow.Create(3, [2], [30], [400], null, [], [], columns);
        var matrix = AgencyEstateMatrix.FromSparseRows(["A", "B"], ["e1", "e2", "e3"], [a, b], [null, null]);
        var review = new AgencyTravelReviewResult([], [], [], false, new Dictionary<string, string>()) { Matrix = matrix };

        var back = ReviewPayload.Read(ReviewPayload.Write(review)).Matrix!;

        for (var r = 0; r < 2; r++)
            Assert.Equal(matrix.Row(r).ToArray(), back.Row(r).ToArray());
        Assert.Same(back.SparseRow(0)!.ColumnReasons, back.SparseRow(1)!.ColumnReasons);
    }

    [Fact]
    public void Read_MatrixOfWholeMillisecondsAndFloatMetres_BitForBitAndSmaller()
    {
        // What the matrix computes: seconds from whole milliseconds, metres at float precision, reached estates far apart.
        var random = new Random(3);
        var reached = new List<int>();
        for (var e = random.Next(3); e < 200_000; e += 1 + (random.Next(5_000) == 0 ? random.Next(40_000) : random.Next(3)))
            reached.Add(e);
        var seconds = reached.Select(_ => random.Next(0, 20_000_000) / 1000.0).ToArray();
        var meters = reached.Select(_ => (double)(float)(random.NextDouble() * 300_000)).ToArray();
        var compact = SparseTravelRow.Create(200_000, [.. reached], seconds, meters, "no path", [], []);
        // One value that is not whole milliseconds, one metre value beyond float precision: that row keeps its doubles.
        var loose = SparseTravelRow.Create(200_000, [.. reached], [.. seconds[..^1], 0.1 + 0.2], [.. meters[..^1], 0.1], "no path", [], []);
        var ids = Enumerable.Range(0, 200_000).Select(i => "e" + i).ToArray();

        var back = RoundTrip(compact, ids);
        var backLoose = RoundTrip(loose, ids);

        Assert.Equal(reached, back.Reached.ToArray());
        Assert.Equal(seconds.Select(BitConverter.DoubleToInt64Bits), back.Seconds.ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(meters.Select(BitConverter.DoubleToInt64Bits), back.Meters.ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(loose.Seconds.ToArray(), backLoose.Seconds.ToArray());
        Assert.Equal(loose.Meters.ToArray(), backLoose.Meters.ToArray());
        Assert.Equal("no path", back[reached[0] + 1 == reached[1] ? reached[^1] + 1 : reached[0] + 1].Reason);
        // Beyond the estate ids both payloads carry, the compact row takes fewer bytes, compressed.
        var ids0 = Size(SparseTravelRow.Unreached(200_000, "no path"), ids);
        Assert.True(Size(compact, ids) - ids0 < (Size(loose, ids) - ids0) * 0.9, $"{Size(compact, ids)} {Size(loose, ids)} {ids0}");
    }

    private static SparseTravelRow RoundTrip(SparseTravelRow row, string[] ids) =>
        ReviewPayload.Read(ReviewPayload.Write(Review(row, ids))).Matrix!.SparseRow(0)!;

    private static int Size(SparseTravelRow row, string[] ids) => ReviewPayload.Write(Review(row, ids)).Length;

    private static AgencyTravelReviewResult Review(SparseTravelRow row, string[] ids) =>
        new([], [], [], false, new Dictionary<string, string>()) { Matrix = AgencyEstateMatrix.FromSparseRows(["A"], ids, [row], [null]) };

    [Fact]
    public void Read_JsonPayloadOfAnEarlierFormat_RefusedAsInvalidData()
    {
        var old = PayloadJson.Write(new { Access = Array.Empty<int>() });

        Assert.Throws<InvalidDataException>(() => ReviewPayload.Read(old));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, PayloadJson.Options);
}
