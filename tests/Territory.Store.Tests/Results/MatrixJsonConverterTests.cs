using System.Text.Json;
using Territory.Routing.Review;
using Territory.Store.Results;

namespace Territory.Store.Tests.Results;

/// <summary>The stored agency × estate matrix reads back cell for cell: times, distances, reasons, rows without cells.</summary>
public sealed class MatrixJsonConverterTests
{
    [Fact]
    public void RoundTrip_MixedCells_EveryCellAsWritten()
    {
        (double?, double?, string?)[] reached = [(61.5, 812.25, null), (null, null, "no road path"), (0.1 + 0.2, 1e-300, null), (null, null, "estate not snapped: no road within 500 m")];
        (double?, double?, string?)[] far = [(null, null, "no road path"), (null, null, "no road path"), (null, null, "no road path"), (12, 100, null)];
        (double?, double?, string?)[] plain = [(1, 2, null), (3, 4, null), (5, 6, null), (7, 8, null)];
        var matrix = AgencyEstateMatrix.FromRows(["A", "B", "C", "D"], ["e1", "e2", "e3", "e4"], [reached, far, null, plain], [null, null, "agency not snapped", null]);

        var back = JsonSerializer.Deserialize<AgencyEstateMatrix>(JsonSerializer.Serialize(matrix, PayloadJson.Options), PayloadJson.Options)!;

        Assert.Equal(matrix.AgencyIds, back.AgencyIds);
        Assert.Equal(matrix.EstateIds, back.EstateIds);
        for (var a = 0; a < 4; a++)
        {
            Assert.Equal(matrix.HasRow(a), back.HasRow(a));
            Assert.Equal(matrix.RowReason(a), back.RowReason(a));
            for (var e = 0; e < 4; e++)
                Assert.Equal(matrix[a, e], back[a, e]);
        }
    }
}
