using System.Globalization;
using System.Text;
using Territory.Cli.Infrastructure;
using Territory.Core.Messages;
using Territory.IO.Reports;
using Territory.Planning.Service;

namespace Territory.Cli.Commands;

/// <summary>A comparison printed (terminal table or JSON), exported as CSV and laid out for the HTML report.</summary>
internal static class ScenarioCompareOutput
{
    /// <summary>Territories listed on a terminal; the CSV and the report list them all.</summary>
    private const int MaxPrintedChanges = 20;

    public static void Print(CliConsole console, bool json, ScenarioComparison c, IReadOnlyList<string> files)
    {
        var lang = PlanCli.Lang(console);
        if (json)
        {
            JsonOutput.Write(console, new
            {
                columns = c.Columns.Select(x => new { name = x.Name, saved = x.Saved, source = x.Source, changes = x.Changes, base_version = x.BaseVersion }),
                rows = c.Rows.Select(r => new { code = r.Code, parameter = r.Parameter, unit = r.Unit, label = r.Label(lang), values = r.Values }),
                territories = c.Changes.Select(t => new
                {
                    scenario = t.Scenario, id = t.TerritoryId, name = t.TerritoryName, type_before = t.TypeBefore, type_after = t.TypeAfter,
                    type_changed = t.TypeChanged, plan_changed = t.PlanChanged, mean_minutes_before = t.MeanMinutesBefore, mean_minutes_after = t.MeanMinutesAfter,
                }),
                cutoff_minutes = c.CutoffMinutes, estimated = c.Estimated, data_version = c.DataVersion, files,
            });
            return;
        }
        var table = Table(c, lang);
        var widths = Enumerable.Range(0, table.Headers.Count).Select(i => Math.Max(table.Headers[i].Length, table.Rows.Max(r => r[i].Length))).ToArray();
        console.Out.WriteLine(string.Join("  ", table.Headers.Select((h, i) => i == 0 ? h.PadRight(widths[i]) : h.PadLeft(widths[i]))));
        foreach (var row in table.Rows)
            console.Out.WriteLine(string.Join("  ", row.Select((v, i) => i == 0 ? v.PadRight(widths[i]) : v.PadLeft(widths[i]))));
        foreach (var n in table.Notes) console.Out.WriteLine(n);
        foreach (var t in table.Changes.Take(MaxPrintedChanges)) console.Out.WriteLine("  " + string.Join(" — ", t));
        if (table.Changes.Count > MaxPrintedChanges)
            console.Out.WriteLine(PlanCli.T(console, "compare_more_changes", ("count", table.Changes.Count - MaxPrintedChanges)));
        foreach (var f in files) console.Out.WriteLine(PlanCli.T(console, "compare_written", ("path", f)));
    }

    /// <summary>The comparison laid out with rendered labels and values.</summary>
    public static ComparisonTable Table(ScenarioComparison c, Lang lang)
    {
        var headers = new List<string> { Catalogue.Text(lang, "compare_measure") };
        headers.AddRange(c.Columns.Select(x => x.Name ?? Catalogue.Text(lang, "compare_saved_state")));
        var rows = c.Rows.Select(r => (IReadOnlyList<string>)[r.Label(lang), .. r.Values.Select(v => Value(v, r.Unit, lang))]).ToList();
        var notes = new List<string> { Catalogue.Text(lang, "compare_note_times") };
        if (c.Estimated) notes.Add(Catalogue.Text(lang, "plan_estimated_warning"));
        var changes = c.Changes.Select(t => (IReadOnlyList<string>)
        [
            t.Scenario, t.TerritoryName, Type(t.TypeBefore, lang) + (t.TypeChanged ? " → " + Type(t.TypeAfter, lang) : ""),
            t.PlanChanged ? Catalogue.Text(lang, "compare_yes") : Catalogue.Text(lang, "compare_no"),
            Minutes(t.MeanMinutesBefore, lang) + " → " + Minutes(t.MeanMinutesAfter, lang),
        ]).ToList();
        return new ComparisonTable(Catalogue.Text(lang, "compare_title"), headers, rows, notes, changes)
        {
            ChangesTitle = Catalogue.Text(lang, "compare_changes_title"),
            ChangeHeaders = new[] { "compare_col_scenario", "compare_col_territory", "compare_col_type", "compare_col_plan", "compare_col_minutes" }.Select(k => Catalogue.Text(lang, k)).ToList(),
        };
    }

    /// <summary>Writes <c>comparaison-scenarios.csv</c> and <c>territoires-modifies.csv</c> (<c>;</c>, invariant numbers, UTF-8).</summary>
    public static IReadOnlyList<string> WriteCsv(ScenarioComparison c, string dir, Lang lang)
    {
        Directory.CreateDirectory(dir);
        var main = Path.Combine(dir, "comparaison-scenarios.csv");
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(';', new[] { "code", "parametre", "unite", "libelle", "etat_enregistre" }.Concat(c.Columns.Skip(1).Select(x => Quote(x.Name!)))));
        foreach (var r in c.Rows)
            sb.AppendLine(string.Join(';', new[] { r.Code, r.Parameter ?? "", r.Unit, Quote(r.Label(lang)) }.Concat(r.Values.Select(Invariant))));
        File.WriteAllText(main, sb.ToString(), new UTF8Encoding(false));
        var changed = Path.Combine(dir, "territoires-modifies.csv");
        sb.Clear().AppendLine("scenario;territoire_id;territoire;type_avant;type_apres;plan_modifie;temps_moyen_avant_min;temps_moyen_apres_min");
        foreach (var t in c.Changes)
            sb.AppendLine(string.Join(';', Quote(t.Scenario), Quote(t.TerritoryId), Quote(t.TerritoryName), t.TypeBefore, t.TypeAfter, t.PlanChanged ? "1" : "0",
                Invariant(t.MeanMinutesBefore), Invariant(t.MeanMinutesAfter)));
        File.WriteAllText(changed, sb.ToString(), new UTF8Encoding(false));
        return [main, changed];
    }

    private static string Value(double? v, string unit, Lang lang) => v is not { } x ? "—" : unit switch
    {
        "share" => NumberText.Percent(x, 1, lang),
        "count" or "euros" => NumberText.Format(x, 0, lang),
        _ => NumberText.Format(x, 1, lang),
    };

    private static string Minutes(double? v, Lang lang) => v is { } x ? NumberText.Format(x, 1, lang) : "—";

    private static string Type(string code, Lang lang) => Catalogue.Text(lang, "compare_type_" + code);

    private static string Invariant(double? v) => v?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";

    private static string Quote(string field) =>
        field.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
