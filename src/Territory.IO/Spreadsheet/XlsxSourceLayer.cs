using System.Globalization;
using System.Text;
using ExcelDataReader;
using Territory.Core.Messages;
using Territory.IO.Import;

namespace Territory.IO.Spreadsheet;

/// <summary>
/// Reads one sheet of an Excel workbook (.xlsx, and the older .xls) like a CSV file: the first non-empty row
/// names the columns, each following non-empty row is a record; positions come from lon/lat, X/Y or WKT columns.
/// </summary>
/// <remarks>
/// <para>ExcelDataReader streams the workbook. A workbook with one sheet holding data is read without asking;
/// with several, the sheet is named with <c>--sheet</c> (the map's dialog offers them, as for a GeoPackage's
/// layers). Cells keep their type: numbers stay numbers (no decimal comma ambiguity), dates are read as ISO
/// dates, text as text.</para>
/// <para>Row numbers in the report are data rows (the header is row 0), as for CSV: the same data gives the same
/// report whichever format it came in.</para>
/// </remarks>
internal sealed class XlsxSourceLayer : ISourceLayer
{
    static XlsxSourceLayer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly FileStream _stream;
    private readonly IExcelDataReader _reader;
    private readonly List<string> _columns = [];
    private readonly int _sheet;
    private readonly int _rowCount;
    private long _rowsRead;

    public XlsxSourceLayer(string path, string? sheetName)
    {
        FileName = Path.GetFileName(path);
        _stream = File.OpenRead(path);
        try
        {
            _reader = ExcelReaderFactory.CreateReader(_stream);
            var sheets = Sheets();
            var withData = sheets.Where(s => s.Rows > 0).ToList();
            if (sheetName is not null)
            {
                var chosen = sheets.FindIndex(s => string.Equals(s.Name, sheetName, StringComparison.OrdinalIgnoreCase));
                if (chosen < 0)
                    throw new ImportException(Message.Of("import_sheet_missing", ("file", FileName), ("sheet", sheetName), ("sheets", string.Join(", ", sheets.Select(s => s.Name)))))
                    {
                        Layers = withData.ConvertAll(s => s.Name),
                    };
                _sheet = chosen;
            }
            else if (withData.Count > 1)
                throw new ImportException(Message.Of("import_sheet_choose", ("file", FileName), ("sheets", string.Join(", ", withData.Select(s => s.Name)))))
                {
                    Layers = withData.ConvertAll(s => s.Name),
                };
            else
                _sheet = withData.Count == 1 ? sheets.IndexOf(withData[0]) : 0;
            SheetName = sheets.Count > 0 ? sheets[_sheet].Name : "";
            _rowCount = sheets.Count > 0 ? sheets[_sheet].Rows : 0;
            MoveToSheet(_sheet);
            ReadHeader();
        }
        catch (Exception e) when (e is not ImportException && e is InvalidDataException or IOException or NotSupportedException
                                      or ExcelDataReader.Exceptions.ExcelReaderException or ArgumentException or FormatException)
        {
            _stream.Dispose();
            throw new ImportException(Message.Of("import_workbook_unreadable", ("file", FileName), ("detail", e.Message)), e);
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    public string FileName { get; }

    /// <summary>The sheet read.</summary>
    public string SheetName { get; }

    public IReadOnlyList<string> Columns => _columns;
    public int? DeclaredCrs => null;
    public Core.Messages.Message? CrsProblem => null;
    public bool HasNativeGeometry => false;
    public double ReadFraction => _rowCount <= 0 ? double.NaN : Math.Min(1, (double)_rowsRead / _rowCount);

    public IEnumerable<ISourceRecord> Rows(CancellationToken ct)
    {
        var record = new FeatureRecord();
        long row = 0;
        while (_reader.Read())
        {
            ct.ThrowIfCancellationRequested();
            _rowsRead++;
            var values = new object?[_columns.Count];
            var any = false;
            for (var i = 0; i < values.Length && i < _reader.FieldCount; i++)
            {
                values[i] = Cell(_reader.GetValue(i));
                any |= values[i] is not null;
            }
            if (!any)
                continue;
            row++;
            record.Set(row, null, values, null, null);
            yield return record;
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    private List<(string Name, int Rows)> Sheets()
    {
        var sheets = new List<(string, int)>();
        do
        {
            // A sheet « with data » has at least a header and one row.
            sheets.Add((_reader.Name, Math.Max(0, _reader.RowCount - 1)));
        }
        while (_reader.NextResult());
        _reader.Reset();
        return sheets;
    }

    private void MoveToSheet(int index)
    {
        for (var i = 0; i < index; i++)
            _reader.NextResult();
    }

    private void ReadHeader()
    {
        while (_reader.Read())
        {
            _rowsRead++;
            var names = Enumerable.Range(0, _reader.FieldCount).Select(i => Cell(_reader.GetValue(i)) is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim() : "").ToList();
            if (names.All(n => n.Length == 0))
                continue;
            // Trailing empty header cells carry no column.
            while (names.Count > 0 && names[^1].Length == 0)
                names.RemoveAt(names.Count - 1);
            for (var i = 0; i < names.Count; i++)
                _columns.Add(names[i].Length == 0 ? $"colonne_{i + 1}" : names[i]);
            return;
        }
    }

    // Numbers stay numbers; dates become ISO dates (a year column typed as a date reads as its year in the mapper).
    private static object? Cell(object? value) => value switch
    {
        null or DBNull => null,
        string s when string.IsNullOrWhiteSpace(s) => null,
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("s", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        _ => value,
    };
}
