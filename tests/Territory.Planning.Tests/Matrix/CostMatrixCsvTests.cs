using Territory.Planning.Matrix;

namespace Territory.Planning.Tests.Matrix;

public sealed class CostMatrixCsvTests
{
    private static readonly string[] Sites = ["S1", "S2"];
    private static readonly string[] Estates = ["E1", "E2", "E3"];

    private static CostMatrix Read(string text) => CostMatrices.FromCsv(new StringReader(text), "matrice.csv", Sites, Estates);

    private static CostMatrixCsvException Fails(string text) => Assert.Throws<CostMatrixCsvException>(() => Read(text));

    [Theory]
    [InlineData("estate_id;site_id;seconds\nE1;S1;600\nE3;S2;1200,5\n")]
    [InlineData("estate_id,site_id,seconds\nE1,S1,600\nE3,S2,1200.5\n")]
    [InlineData("site_id;Seconds;ESTATE_ID;note\r\nS1;600;E1;x\r\n\r\nS2;1200,5;E3;\r\n")]
    [InlineData("estate_id,site_id,seconds\nE1,S1,600\nE3,S2,\"1200,5\"\n")]
    public void FromCsv_SeparatorsAndDecimalComma_ReadsThePairs(string text)
    {
        var m = Read(text);
        Assert.Equal(600, m.Seconds(0, 0));
        Assert.Equal(1200.5, m.Seconds(1, 2));
        Assert.Equal(2, m.PairCount);
        Assert.Equal(CostSource.UserFile, m.Source);
        Assert.False(m.Estimated);
    }

    [Fact]
    public void FromCsv_MissingPair_IsUnreachable()
    {
        var m = Read("estate_id;site_id;seconds\nE1;S1;600\n");
        Assert.Null(m.Seconds(0, 1));
        Assert.Null(m.Seconds(1, 0));
        Assert.True(double.IsPositiveInfinity(m.MaxSeconds));
    }

    [Fact]
    public void FromCsv_UnknownEstate_NamesFileRowAndId()
    {
        var e = Fails("estate_id;site_id;seconds\nE1;S1;600\nE9;S1;60\n");
        Assert.Equal(PlanningErrorCodes.MatrixCsvUnknownEstate, e.Code);
        Assert.Equal("matrice.csv", e.File);
        Assert.Equal(2, e.Row);
        Assert.Equal("E9", e.Values["id"]);
        Assert.Equal("matrice.csv", e.Values["file"]);
    }

    [Fact]
    public void FromCsv_UnknownSite_NamesTheRow()
    {
        var e = Fails("estate_id;site_id;seconds\nE1;S7;600\n");
        Assert.Equal(PlanningErrorCodes.MatrixCsvUnknownSite, e.Code);
        Assert.Equal(1, e.Row);
        Assert.Equal("S7", e.Values["id"]);
    }

    [Fact]
    public void FromCsv_DuplicatePair_NamesBothRows()
    {
        var e = Fails("estate_id;site_id;seconds\nE1;S1;600\nE2;S1;60\nE1;S1;610\n");
        Assert.Equal(PlanningErrorCodes.MatrixCsvDuplicatePair, e.Code);
        Assert.Equal(3, e.Row);
        Assert.Equal(1L, e.Values["first_row"]);
    }

    [Theory]
    [InlineData("E1;S1;600\n", "estate_id")]
    [InlineData("estate_id;site_id;minutes\nE1;S1;10\n", "seconds")]
    public void FromCsv_MissingHeaderColumn_ThrowsColumnMissing(string text, string column)
    {
        var e = Fails(text);
        Assert.Equal(PlanningErrorCodes.MatrixCsvColumnMissing, e.Code);
        Assert.Null(e.Row);
        Assert.Equal(column, e.Values["column"]);
    }

    [Fact]
    public void FromCsv_Empty_ThrowsEmpty()
    {
        Assert.Equal(PlanningErrorCodes.MatrixCsvEmpty, Fails("").Code);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("")]
    public void FromCsv_BadSeconds_ThrowsSecondsInvalid(string seconds)
    {
        var e = Fails($"estate_id;site_id;seconds\nE1;S1;{seconds}\n");
        Assert.Equal(PlanningErrorCodes.MatrixCsvSecondsInvalid, e.Code);
        Assert.Equal(1, e.Row);
    }

    [Fact]
    public void FromCsv_FileOnDisk_ReadsWindows1252Ids()
    {
        string path = Path.Combine(Path.GetTempPath(), $"territory-matrix-{Guid.NewGuid():N}.csv");
        try
        {
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            File.WriteAllText(path, "estate_id;site_id;seconds\nRésidence;S1;600\n", System.Text.Encoding.GetEncoding(1252));
            var m = CostMatrices.FromCsv(path, Sites, ["Résidence"]);
            Assert.Equal(600, m.Seconds(0, 0));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
