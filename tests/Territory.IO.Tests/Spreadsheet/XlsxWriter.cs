using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Territory.IO.Tests.Spreadsheet;

/// <summary>Writes small .xlsx workbooks for the tests (Open XML SDK): numbers as numbers, text as inline strings.</summary>
internal static class XlsxWriter
{
    public static string Write(string path, params (string Sheet, object?[][] Rows)[] sheets)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        book.Workbook = new Workbook(new Sheets());
        uint id = 1;
        foreach (var (name, rows) in sheets)
        {
            var part = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in rows)
            {
                var r = new Row();
                foreach (var v in row)
                    r.Append(v switch
                    {
                        null => new Cell(),
                        double or int or long => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)) },
                        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v.ToString()!)) },
                    });
                data.Append(r);
            }
            part.Worksheet = new Worksheet(data);
            book.Workbook.Sheets!.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id++, Name = name });
        }
        book.Workbook.Save();
        return path;
    }
}
