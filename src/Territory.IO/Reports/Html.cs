using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Territory.IO.Reports;

/// <summary>HTML escaping that keeps French letters readable.</summary>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Text(string? s) => Encoder.Encode(s ?? "");

    public static string Attr(string? s) => Encoder.Encode(s ?? "");
}
