using System.Text.Json;
using Territory.Core.Messages;
using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>Target field → source column index, resolved once per file.</summary>
internal sealed class FieldMapping
{
    private readonly Dictionary<string, int> _columns;

    private FieldMapping(Dictionary<string, int> columns, IReadOnlyDictionary<string, string> names)
    {
        _columns = columns;
        Names = names;
    }

    /// <summary>Target field → source column name, as reported in <see cref="ImportResult.Mapping"/>.</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    /// <summary>Column index of a target field, or -1.</summary>
    public int this[string target] => _columns.TryGetValue(target, out var i) ? i : -1;

    public bool Has(string target) => _columns.ContainsKey(target);

    /// <summary>Resolves the mapping: the mapping file first, then the recognised column names.</summary>
    /// <exception cref="ImportException">The mapping file is unreadable or names an unknown field or column.</exception>
    public static FieldMapping Resolve(LayerKind kind, IReadOnlyList<string> columns, string? mappingFile, string fileName, bool nativeGeometry)
    {
        var byNormalized = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
            byNormalized.TryAdd(ColumnNames.Normalize(columns[i]), i);

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var known = TargetFields.For(kind).ToHashSet(StringComparer.Ordinal);
        foreach (var (target, column) in ReadMappingFile(mappingFile))
        {
            if (!known.Contains(target))
                throw new ImportException(Message.Of("import_mapping_unknown_field", ("file", Path.GetFileName(mappingFile)), ("field", target),
                    ("layer", ImportTexts.LayerKind(kind)), ("known", string.Join(", ", known))));
            if (!byNormalized.TryGetValue(ColumnNames.Normalize(column), out var index))
                throw new ImportException(Message.Of("import_mapping_column_missing", ("file", Path.GetFileName(mappingFile)), ("column", column), ("field", target),
                    ("source", fileName), ("columns", string.Join(", ", columns))));
            result[target] = index;
            names[target] = columns[index];
        }

        var used = new HashSet<int>(result.Values);
        foreach (var (target, candidates) in TargetFields.CandidatesFor(kind))
        {
            if (result.ContainsKey(target) || (nativeGeometry && TargetFields.IsCoordinate(target)))
                continue;
            foreach (var candidate in candidates)
            {
                if (byNormalized.TryGetValue(candidate, out var index) && used.Add(index))
                {
                    result[target] = index;
                    names[target] = columns[index];
                    break;
                }
            }
        }
        if (nativeGeometry)
            names["geometry"] = "(geometry)";
        return new FieldMapping(result, names);
    }

    private static Dictionary<string, string> ReadMappingFile(string? path)
    {
        if (path is null)
            return [];
        if (!File.Exists(path))
            throw new ImportException(Message.Of("import_mapping_not_found", ("file", Path.GetFileName(path))));
        try
        {
            using var stream = File.OpenRead(path);
            var map = JsonSerializer.Deserialize<Dictionary<string, string>>(stream);
            return map is null ? [] : new Dictionary<string, string>(map, StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new ImportException(Message.Of("import_mapping_not_json", ("file", Path.GetFileName(path)), ("detail", e.Message)), e);
        }
    }
}
