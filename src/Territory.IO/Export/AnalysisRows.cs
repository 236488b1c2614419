using Territory.Core.Analysis;
using Territory.Core.Caretaking;
using Territory.Core.Messages;
using Territory.Core.Presence;
using Territory.Core.Staff;
using Territory.Core.Typology;

namespace Territory.IO.Export;

/// <summary>The plan, staff and caretaking of an analysis as flat rows, shared by the GeoPackage, CSV and GeoJSON exports.</summary>
public static class AnalysisRows
{
    /// <summary>One row of means against needs at one level.</summary>
    /// <param name="Level"><c>territory</c>, <c>agency</c>, <c>type</c> or <c>organisation</c>.</param>
    /// <param name="Id">Territory id, agency id or type code.</param>
    /// <param name="Name">Display name.</param>
    /// <param name="Type">Type code (territory and type levels).</param>
    /// <param name="Staff">The balance.</param>
    /// <param name="Flags">Model mismatches (agency level).</param>
    public sealed record StaffRow(string Level, string Id, string Name, string? Type, StaffBalance Staff, IReadOnlyList<Message> Flags);

    /// <summary>Territories, then the organisation's offices, then the types (named in <paramref name="lang"/>), then the whole organisation.</summary>
    public static IEnumerable<StaffRow> Staff(AnalysisResult result, Lang lang = Lang.Fr)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var t in result.Territories.Where(t => t.OwnDwellings > 0))
            yield return new StaffRow("territory", t.Id, t.Name, t.Type.Code(), t.Staff, []);
        foreach (var a in result.Agencies.Where(a => a.Staff != StaffBalance.Zero || a.Flags.Count > 0))
            yield return new StaffRow("agency", a.Agency.Id, a.Agency.Name ?? a.Agency.Id, null, a.Staff, a.Flags);
        foreach (var s in result.Types.Where(s => s.OwnDwellings > 0))
            yield return new StaffRow("type", s.Type.Code(), Catalogue.Text(lang, "territory_type_" + s.Type.Code()), s.Type.Code(), s.Staff, []);
        if (result.Staff != StaffBalance.Zero)
            yield return new StaffRow("organisation", "organisation", result.OwnLandlord, null, result.Staff, []);
    }

    /// <summary>The quantity of a plan line with its unit (« 2 lieux relais », « 1,5 ETP »), or null.</summary>
    public static string? Quantity(PlanItem p, Lang lang) =>
        p.Quantity is { } q && p.Unit is { } u ? Catalogue.Text(lang, "unit_" + u, ("quantity", q)) : null;

    /// <summary>Sites of a plan line, or « à localiser » while the network planning has not sited them.</summary>
    public static string? Sites(PlanItem p, Lang lang) =>
        p.Sites.Count > 0 ? string.Join(", ", p.Sites)
        : p.Status.IsAction() && p.Quantity is not null && p.Unit is not "fte" ? Catalogue.Text(lang, "sites_to_locate") : null;

    /// <summary>The actions of a plan as one line each: « Lieu relais (permanences) — à créer : 1 lieu relais ».</summary>
    public static IEnumerable<string> Actions(TerritoryResult t, Lang lang) =>
        t.Plan.Where(p => p.Status.IsAction()).Select(p =>
            $"{Catalogue.Text(lang, p.Form.LabelCode())} — {Catalogue.Text(lang, p.Status.LabelCode())}{(Quantity(p, lang) is { } q ? $" : {q}" : "")}");

    /// <summary>Label of a caretaking status.</summary>
    public static string Status(CaretakingStatus status, Lang lang) => Catalogue.Text(lang, status.LabelCode());

    /// <summary>Rounded for export (null stays null).</summary>
    internal static double? R(double? v, int decimals) => v is double x ? Math.Round(x, decimals) : null;
}
