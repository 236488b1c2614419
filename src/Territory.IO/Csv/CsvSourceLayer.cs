using System.Text;
using NetTopologySuite.Geometries;
using Sylvan.Data.Csv;
using Territory.Core.Messages;
using Territory.IO.Import;

namespace Territory.IO.Csv;

/// <summary>Streams a CSV file (Sylvan.Data.Csv): one reused record, no per-row dictionary.</summary>
/// <remarks>
/// Row numbers are data rows (the header is row 0). A row whose field count differs from the
/// header's is rejected whole; blank lines are skipped. A header-only file gives zero rows (the importer reports it as a
/// file-level warning, not an error).
/// </remarks>
internal sealed class CsvSourceLayer : ISourceLayer
{
    private readonly StreamReader _text;
    private readonly CsvDataReader _csv;

    /// <inheritdoc />
    public double ReadFraction => _text.BaseStream.Length == 0 ? 1 : (double)_text.BaseStream.Position / _text.BaseStream.Length;

    public CsvSourceLayer(string path)
    {
        FileName = Path.GetFileName(path);
        Encoding = CsvFormat.DetectEncoding(path, FileName);
        var header = CsvFormat.ReadHeaderLine(path, Encoding, FileName);
        if (string.IsNullOrWhiteSpace(header))
            throw new ImportException(Core.Messages.Message.Of("csv_no_header", ("file", FileName)));
        Delimiter = CsvFormat.SniffDelimiter(header);
        _text = new StreamReader(path, Encoding, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        _csv = CsvDataReader.Create(_text, new CsvDataReaderOptions
        {
            Delimiter = Delimiter,
            HasHeaders = true,
            OwnsReader = false,
            // A WKT column holding a detailed commune polygon easily exceeds the default record buffer.
            MaxBufferSize = 64 << 20,
        });
        Columns = [.. Enumerable.Range(0, _csv.FieldCount).Select(_csv.GetName)];
    }

    public string FileName { get; }
    public Encoding Encoding { get; }
    public char Delimiter { get; }
    public IReadOnlyList<string> Columns { get; }
    public int? DeclaredCrs => null;
    public Core.Messages.Message? CrsProblem => null;
    public bool HasNativeGeometry => false;

    public IEnumerable<ISourceRecord> Rows(CancellationToken ct)
    {
        var record = new Record(_csv, Columns.Count);
        while (ReadNext(record.Row))
        {
            ct.ThrowIfCancellationRequested();
            // Blank lines (often a trailing one) are not rows.
            if (_csv.RowFieldCount <= 1 && Columns.Count > 1 && _csv.GetFieldSpan(0).IsWhiteSpace())
                continue;
            record.Next();
            yield return record;
        }
    }

    private bool ReadNext(long previousRow)
    {
        try
        {
            return _csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new ImportException(Core.Messages.Message.Of("csv_malformed", ("file", FileName), ("row", previousRow)), e);
        }
    }

    public void Dispose()
    {
        _csv.Dispose();
        _text.Dispose();
    }

    private sealed class Record(CsvDataReader csv, int headerCount) : ISourceRecord
    {
        public long Row { get; private set; }
        public Geometry? Geometry => null;
        public Message? RowError { get; private set; }
        public string? RowErrorField => null;

        public void Next()
        {
            Row++;
            var n = csv.RowFieldCount;
            RowError = n == headerCount ? null : Message.Of("row_field_count", ("found", n), ("expected", headerCount));
        }

        public string? GetString(int column) => column >= 0 && column < csv.RowFieldCount ? csv.GetString(column) : null;

        public bool TryGetDouble(int column, out double value, out bool present)
        {
            if (column < 0 || column >= csv.RowFieldCount)
            {
                value = double.NaN;
                present = false;
                return false;
            }
            return NumberParser.TryParse(csv.GetFieldSpan(column), out value, out present);
        }
    }
}
