namespace Territory.IO.Import;

/// <summary>Makes the ids of accepted rows unique.</summary>
/// <remarks>
/// Policy: every row is kept (a duplicated programme number in an information-system export is
/// usually two real programmes, so dropping one would lose dwellings). The first accepted row keeps
/// the id; each later one becomes <c>id#2</c>, <c>id#3</c>… and is reported as a warning naming
/// the first row. Rejected rows do not claim an id.
/// </remarks>
internal static class IdDeduplicator
{
    public static void Apply(List<MappedRow> rows, ImportLog log)
    {
        var first = new Dictionary<string, long>(rows.Count, StringComparer.Ordinal);
        List<MappedRow>? duplicates = null;
        foreach (var r in rows)
        {
            if (!first.TryAdd(r.Id!, r.Row))
                (duplicates ??= []).Add(r);
        }
        if (duplicates is null)
            return;
        var generated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in duplicates)
        {
            var id = r.Id!;
            var n = 2;
            while (first.ContainsKey($"{id}#{n}") || !generated.Add($"{id}#{n}"))
                n++;
            r.Id = $"{id}#{n}";
            log.Warn(r.Row, TargetFields.Id, "id_duplicate", ("id", id), ("first", first[id]), ("renamed", r.Id));
        }
    }
}
