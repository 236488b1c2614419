namespace Territory.IO.Import;

/// <summary>
/// The same policy for rows that arrive one by one (a streamed import): the first accepted row keeps
/// the id, each later one becomes <c>id#2</c>, <c>id#3</c>… (a name no row took before it) with a warning.
/// </summary>
/// <remarks>Ids are held in a <see cref="CompactIdSet"/>. Unlike <see cref="IdDeduplicator.Apply"/>, which
/// sees the whole file, a later row whose own id is a name already given (<c>A#2</c>) is renamed in turn.</remarks>
internal sealed class StreamingIdDeduplicator(ImportLog log)
{
    private readonly CompactIdSet _ids = new();

    public void Apply(MappedRow r)
    {
        var id = r.Id!;
        if (_ids.TryAdd(id, r.Row, out var first))
            return;
        var n = 2;
        while (_ids.Contains($"{id}#{n}"))
            n++;
        r.Id = $"{id}#{n}";
        _ids.TryAdd(r.Id, r.Row, out _);
        log.Warn(r.Row, TargetFields.Id, "id_duplicate", ("id", id), ("first", first), ("renamed", r.Id));
    }
}
