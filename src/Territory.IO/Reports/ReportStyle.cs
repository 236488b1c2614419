using Territory.Core.Typology;

namespace Territory.IO.Reports;

/// <summary>Colours and the embedded stylesheet of the HTML report (screen and print).</summary>
internal static class ReportStyle
{
    public static string Color(TerritoryType type) => type.Colour();

    public const string QpvFill = "#c0392b";
    public const string AgencyFill = "#111111";
    public const string LodgeFill = "#8e44ad";

    public const string Css = """
        body { font-family: "Segoe UI", Arial, sans-serif; color: #222; margin: 24px; max-width: 1000px; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.25em; border-bottom: 2px solid #ccc; padding-bottom: 2px; }
        h3 { font-size: 1.05em; margin: 1em 0 0.3em; }
        table { border-collapse: collapse; margin: 0.4em 0 1em; font-size: 0.9em; }
        th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
        th { background: #f0f0ea; }
        td.n { text-align: right; white-space: nowrap; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 0.85em; }
        .note { color: #8a4b00; }
        .flag { color: #b00020; font-weight: bold; }
        .muted { color: #666; font-size: 0.85em; }
        .legend span { margin-right: 14px; font-size: 0.85em; }
        .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: middle; }
        svg.map, svg.chart { display: block; margin: 0.5em 0; max-width: 100%; height: auto; }
        section.territory { margin-top: 2em; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          section.territory { page-break-before: always; break-before: page; }
          table, svg { page-break-inside: avoid; break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """;
}
