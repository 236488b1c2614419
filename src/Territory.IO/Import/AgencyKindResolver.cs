using Territory.Core.Messages;
using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>Decides the kind of each imported presence point from its kind column, or from <c>--kind</c>.</summary>
/// <remarks>
/// <para>A kind column is trusted only when more than half of its filled rows name a kind exactly
/// (<see cref="Labels.AgencyKindOf"/>): a France Services file whose « categorie » reads « FS »,
/// « FS itinérante » or « Antenne » does not describe a landlord's network, so none of its
/// « Antenne » rows becomes a landlord antenna.</para>
/// <para>Rows of an untrusted column, rows whose label is not recognised and rows without a label
/// take the default kind (<see cref="ImportOptions.DefaultAgencyKind"/>, « agence » when not given);
/// each case is reported once with the labels concerned.</para>
/// </remarks>
internal static class AgencyKindResolver
{
    public static void Apply(List<MappedRow> rows, AgencyKind? defaultKind, bool hasKindColumn, ImportLog log)
    {
        var fallback = defaultKind ?? AgencyKind.Agence;
        var labelled = rows.Where(r => r.KindLabel is not null).ToList();
        var recognised = labelled.Count(r => Labels.AgencyKindOf(r.KindLabel!) is not null);
        var trusted = labelled.Count > 0 && recognised * 2 > labelled.Count;
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var k = trusted && r.KindLabel is { } label ? Labels.AgencyKindOf(label) : null;
            if (k is null && r.KindLabel is { } l && trusted)
                unknown.Add(l);
            r.AgencyKind = k ?? fallback;
        }
        var kind = Message.Of("point_kind_" + fallback.Code());
        var hint = Message.Of(defaultKind is null ? "point_kind_hint_option" : "point_kind_from_option");
        if (labelled.Count > 0 && !trusted)
        {
            var values = labelled.Select(r => r.KindLabel!).Distinct(StringComparer.Ordinal).Take(8);
            log.Warn(0, TargetFields.Kind, "agency_kinds_not_trusted", ("recognised", recognised), ("total", labelled.Count),
                ("labels", string.Join(", ", values)), ("kind", kind), ("hint", hint));
        }
        else if (unknown.Count > 0)
            log.Warn(0, TargetFields.Kind, "agency_kinds_unknown", ("labels", string.Join(", ", unknown.Take(10))), ("kind", kind), ("hint", hint));
        if (!hasKindColumn && rows.Count > 0)
            log.Warn(0, TargetFields.Kind, "agency_kind_column_missing", ("kind", kind), ("hint", hint));
    }
}
