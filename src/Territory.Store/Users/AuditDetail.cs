using System.Text.Json;
using Territory.Core.Messages;

namespace Territory.Store.Users;

/// <summary>
/// The <c>detail</c> of an audit line: the named values of what was done (counts, roles, the file), written as a JSON
/// object so that the line is told in the reader's language (<see cref="Describe"/>) rather than in the words of the day
/// it was written.
/// </summary>
/// <remarks>
/// Each action has a catalogue sentence <c>audit_ACTION</c> whose placeholders are the detail's names, and a short label
/// <c>audit_action_ACTION</c>. A line written before details were structured (free text) is shown as it was written.
/// </remarks>
public static class AuditDetail
{
    /// <summary>Actions the product writes (the table accepts others from <see cref="IProjectStore.Audit"/>).</summary>
    public static IReadOnlyList<string> Actions { get; } =
    [
        "import", "undo", "scenario_save", "scenario_delete", "scenario_apply",
        "user_add", "user_change", "user_remove", "sign_in", "sign_in_failed", "sign_out",
    ];

    /// <summary>The detail of an audit line: the values by name, as a JSON object (numbers stay numbers).</summary>
    public static string Of(params (string Name, object? Value)[] values)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
            map[name] = value;
        return JsonSerializer.Serialize(map);
    }

    /// <summary>The values of a detail written by <see cref="Of"/> (empty for free text or none).</summary>
    public static IReadOnlyDictionary<string, object?> Values(string? detail)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(detail) || !detail.TrimStart().StartsWith('{'))
            return values;
        try
        {
            using var doc = JsonDocument.Parse(detail);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return values;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                values[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.Number => p.Value.TryGetInt64(out var n) ? (object)n : p.Value.GetDouble(),
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Null => null,
                    _ => p.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            values.Clear();
        }
        return values;
    }

    /// <summary>The short name of the action (« import », « connexion refusée »…), or the action code when unknown.</summary>
    public static Message Label(string action) =>
        Catalogue.Has("audit_action_" + action) ? Message.Of("audit_action_" + action) : Message.Of("audit_action_other", ("action", action));

    /// <summary>What the line says, in words: the action's sentence over its values, or the free text it was written with.</summary>
    public static Message Describe(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var values = Values(entry.Detail);
        // An action may have a second sentence (…_alt) for other values (a role changed rather than a password): the first whose values are all there.
        var code = new[] { $"audit_{entry.Action}_alt", $"audit_{entry.Action}" }.FirstOrDefault(c =>
            entry.Detail is not null && Catalogue.Has(c)
            && Catalogue.PlaceholdersOf(Catalogue.Template(c, Lang.Fr)!).All(p => p == "target" || values.ContainsKey(p)));
        if (code is not null)
            return Message.Of(code, [("target", entry.Target), .. values.Select(v => (v.Key, Word(v.Key, v.Value)))]);
        return Message.Of("audit_free", ("target", entry.Target), ("detail", entry.Detail ?? ""));
    }

    // Codes the catalogue names (import mode, role, sign-in source) become their words; other values stay as they are.
    private static object? Word(string name, object? value) => name switch
    {
        "mode" or "source" or "reason" when value is string s && Catalogue.Has($"audit_{name}_{s}") => Message.Of($"audit_{name}_{s}"),
        "role" or "from" or "to" when value is string s && Catalogue.Has("role_" + s) => Message.Of("role_" + s),
        _ => value,
    };
}
