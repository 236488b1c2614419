using System.Text.Json;
using Territory.Core.Messages;
using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>Target field → source column index, resolved once per file.</summary>
internal sealed class FieldMapping
{
    private readonly Dictionary<string, int> _columns;

    private FieldMapping(Dictionary<string, int> columns, IReadOnlyDictionary<string, string> names, int sourceColumns,
        List<string> constants, Dictionary<int, string> defaults)
    {
        _columns = columns;
        Names = names;
        SourceColumns = sourceColumns;
        Constants = constants;
        Defaults = defaults;
    }

    /// <summary>Columns of the source; a constant's value sits at index <see cref="SourceColumns"/> + its position in <see cref="Constants"/>.</summary>
    public int SourceColumns { get; }

    /// <summary>Values given by the mapping file for every row (<c>{"housing": {"constant": "C"}}</c>).</summary>
    public IReadOnlyList<string> Constants { get; }

    /// <summary>Values used where a column is empty (<c>{"housing": {"column": "TYPE", "default": "C"}}</c>), by column index.</summary>
    public IReadOnlyDictionary<int, string> Defaults { get; }

    /// <summary>True when rows must be read through <see cref="MappedValues"/> (constants or defaults).</summary>
    public bool HasValues => Constants.Count > 0 || Defaults.Count > 0;

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
        var constants = new List<string>();
        var defaults = new Dictionary<int, string>();
        var known = TargetFields.For(kind).ToHashSet(StringComparer.Ordinal);
        foreach (var (target, entry) in ReadMappingFile(mappingFile))
        {
            var file = Path.GetFileName(mappingFile);
            if (!known.Contains(target))
                throw new ImportException(Message.Of("import_mapping_unknown_field", ("file", file), ("field", target),
                    ("layer", ImportTexts.LayerKind(kind)), ("known", string.Join(", ", known))));
            if (entry.Constant is { } constant)
            {
                // One value for every row: not for an id (every row would share it) nor for a position.
                if (target == TargetFields.Id || TargetFields.IsCoordinate(target))
                    throw new ImportException(Message.Of("import_mapping_constant_refused", ("file", file), ("field", target)));
                result[target] = columns.Count + constants.Count;
                constants.Add(constant);
                names[target] = $"\"{constant}\"";
                continue;
            }
            if (!byNormalized.TryGetValue(ColumnNames.Normalize(entry.Column!), out var index))
                throw new ImportException(Message.Of("import_mapping_column_missing", ("file", file), ("column", entry.Column), ("field", target),
                    ("source", fileName), ("columns", string.Join(", ", columns))));
            result[target] = index;
            names[target] = columns[index];
            if (entry.Default is { } fallback)
            {
                defaults[index] = fallback;
                names[target] = $"{columns[index]} | \"{fallback}\"";
            }
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
        return new FieldMapping(result, names, columns.Count, constants, defaults);
    }

    /// <summary>One entry of a mapping file: a column, a column with a default, or a constant.</summary>
    private sealed record Entry(string? Column, string? Default, string? Constant);

    // Syntax: {"dwellings": "NB_LGT", "housing": {"column": "TYPE", "default": "C"}, "landlord": {"constant": "Habitat 31"}}.
    private static List<(string Target, Entry Entry)> ReadMappingFile(string? path)
    {
        if (path is null)
            return [];
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
            throw new ImportException(Message.Of("import_mapping_not_found", ("file", file)));
        JsonDocument doc;
        try
        {
            using var stream = File.OpenRead(path);
            doc = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ImportException(Message.Of("import_mapping_not_json", ("file", file), ("detail", e.Message)), e);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new ImportException(Message.Of("import_mapping_not_object", ("file", file)));
            var entries = new List<(string, Entry)>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                // A field mapped to nothing (null or an empty name) names the field, not a missing column.
                if (p.Value.ValueKind == JsonValueKind.Null || (p.Value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(p.Value.GetString())))
                    throw new ImportException(Message.Of("mapping_column_missing", ("file", file), ("field", p.Name)));
                entries.Add((p.Name, p.Value.ValueKind switch
                {
                    JsonValueKind.String => new Entry(p.Value.GetString(), null, null),
                    JsonValueKind.Object => EntryOf(p, file),
                    _ => throw new ImportException(Message.Of("import_mapping_entry_invalid", ("file", file), ("field", p.Name))),
                }));
            }
            return entries;
        }
    }

    private static Entry EntryOf(JsonProperty p, string file)
    {
        string? column = null, fallback = null, constant = null;
        foreach (var k in p.Value.EnumerateObject())
        {
            var text = k.Value.ValueKind switch
            {
                JsonValueKind.String => k.Value.GetString(),
                JsonValueKind.Number => k.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw new ImportException(Message.Of("import_mapping_entry_invalid", ("file", file), ("field", p.Name))),
            };
            switch (k.Name)
            {
                case "column": column = text; break;
                case "default": fallback = text; break;
                case "constant": constant = text; break;
                default: throw new ImportException(Message.Of("import_mapping_entry_invalid", ("file", file), ("field", p.Name)));
            }
        }
        if ((constant is null) == (column is null) || (constant is not null && fallback is not null))
            throw new ImportException(Message.Of("import_mapping_entry_invalid", ("file", file), ("field", p.Name)));
        return new Entry(column, fallback, constant);
    }
}
