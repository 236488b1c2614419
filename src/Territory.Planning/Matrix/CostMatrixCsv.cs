using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace Territory.Planning.Matrix;

/// <summary>Reads a user cost matrix: one <c>estate_id;site_id;seconds</c> row per reachable pair.</summary>
/// <remarks>
/// The header is required (column names case-insensitive, any order, other columns ignored); the
/// separator is <c>;</c> or <c>,</c> (the more frequent in the header); seconds accept a decimal
/// comma (quote the field when the separator is a comma). A pair that is not listed is unreachable.
/// Unknown ids, duplicated pairs and unreadable seconds throw <see cref="CostMatrixCsvException"/>
/// naming the file and the data row. UTF-8, or Windows-1252 when the file is not valid UTF-8.
/// </remarks>
internal static class CostMatrixCsv
{
    public const string EstateColumn = "estate_id";
    public const string SiteColumn = "site_id";
    public const string SecondsColumn = "seconds";

    public static CostMatrix Read(string path, IReadOnlyList<string> siteIds, IReadOnlyList<string> estateIds)
    {
        var encoding = DetectEncoding(path);
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path), siteIds, estateIds);
    }

    public static CostMatrix Read(TextReader text, string fileName, IReadOnlyList<string> siteIds, IReadOnlyList<string> estateIds)
    {
        var siteIndex = Index(siteIds, "site");
        var estateIndex = Index(estateIds, "estate");
        string content = text.ReadToEnd();
        int firstBreak = content.IndexOfAny(['\r', '\n']);
        string header = firstBreak < 0 ? content : content[..firstBreak];
        if (string.IsNullOrWhiteSpace(header)) throw new CostMatrixCsvException(PlanningErrorCodes.MatrixCsvEmpty, fileName, null);
        char delimiter = header.Count(c => c == ';') >= header.Count(c => c == ',') && header.Contains(';') ? ';' : ',';
        using var csv = CsvDataReader.Create(new StringReader(content), new CsvDataReaderOptions { Delimiter = delimiter, HasHeaders = true });
        int estateCol = Column(csv, EstateColumn, fileName), siteCol = Column(csv, SiteColumn, fileName), secondsCol = Column(csv, SecondsColumn, fileName);
        var rows = new MatrixRow[siteIds.Count];
        for (int s = 0; s < rows.Length; s++) rows[s] = new MatrixRow();
        var seen = new Dictionary<long, long>();
        long row = 0;
        while (true)
        {
            try
            {
                if (!csv.Read()) break;
            }
            catch (CsvFormatException ex)
            {
                throw new CostMatrixCsvException(PlanningErrorCodes.MatrixCsvMalformed, fileName, row + 1, ("detail", ex.Message));
            }
            row++;
            if (csv.RowFieldCount <= 1 && csv.GetFieldSpan(0).IsWhiteSpace()) continue;
            string estateId = Field(csv, estateCol), siteId = Field(csv, siteCol), secondsText = Field(csv, secondsCol);
            if (!estateIndex.TryGetValue(estateId, out int e))
                throw new CostMatrixCsvException(PlanningErrorCodes.MatrixCsvUnknownEstate, fileName, row, ("id", estateId));
            if (!siteIndex.TryGetValue(siteId, out int s))
                throw new CostMatrixCsvException(PlanningErrorCodes.MatrixCsvUnknownSite, fileName, row, ("id", siteId));
            if (!double.TryParse(secondsText.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
                || !double.IsFinite(seconds) || seconds < 0)
                throw new CostMatrixCsvException(PlanningErrorCodes.MatrixCsvSecondsInvalid, fileName, row, ("value", secondsText));
            long key = (long)s * estateIds.Count + e;
            if (!seen.TryAdd(key, row))
                throw new CostMatrixCsvException(PlanningErrorCodes.MatrixCsvDuplicatePair, fileName, row,
                    ("estate", estateId), ("site", siteId), ("first_row", seen[key]));
            rows[s].Add(e, (float)seconds, float.NaN);
        }
        foreach (var r in rows) r.Seal();
        return CostMatrix.FromRows(siteIds, estateIds, double.PositiveInfinity, CostSource.UserFile, rows);
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> ids, string what)
    {
        var index = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (int i = 0; i < ids.Count; i++)
            if (!index.TryAdd(ids[i], i)) throw new PlanningException(PlanningErrorCodes.DuplicateId, ("what", what), ("id", ids[i]));
        return index;
    }

    private static int Column(CsvDataReader csv, string name, string fileName)
    {
        for (int i = 0; i < csv.FieldCount; i++)
            if (string.Equals(csv.GetName(i).Trim(), name, StringComparison.OrdinalIgnoreCase)) return i;
        throw new CostMatrixCsvException(PlanningErrorCodes.MatrixCsvColumnMissing, fileName, null, ("column", name));
    }

    private static string Field(CsvDataReader csv, int column) => column < csv.RowFieldCount ? csv.GetString(column).Trim() : "";

    private static Encoding DetectEncoding(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(bytes);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }
}
