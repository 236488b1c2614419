using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace Territory.Core.Messages;

/// <summary>Every user-facing sentence of the product, by stable code, in French and English.</summary>
/// <remarks>
/// <para>The texts live in JSON files embedded in this assembly, one file per area
/// (<c>Messages/Catalogue/fr/import.json</c> and its twin under <c>en/</c>): a flat object
/// code → template. A code is unique across all files of a language. Template syntax:
/// <see cref="MessageFormatter"/>.</para>
/// <para>A code missing in English renders the French text; a code missing everywhere renders as
/// the code itself (the catalogue tests make both impossible in a release).</para>
/// </remarks>
public static class Catalogue
{
    private const string Prefix = "Territory.Core.Messages.Catalogue.";

    private static readonly Lazy<(FrozenDictionary<string, string> Fr, FrozenDictionary<string, string> En)> Texts = new(Load);

    /// <summary>Every code of the French catalogue (the reference language).</summary>
    public static IReadOnlyCollection<string> Codes => Texts.Value.Fr.Keys;

    /// <summary>Codes of one language.</summary>
    public static IReadOnlyCollection<string> CodesOf(Lang lang) => Table(lang).Keys;

    /// <summary>True when the code exists in French.</summary>
    public static bool Has(string code) => Texts.Value.Fr.ContainsKey(code);

    /// <summary>The raw template of a code in a language, or null.</summary>
    public static string? Template(string code, Lang lang) => Table(lang).GetValueOrDefault(code);

    /// <summary>Every template of a language (the map downloads them once).</summary>
    public static IReadOnlyDictionary<string, string> All(Lang lang) => Table(lang);

    /// <summary>Renders a message in a language.</summary>
    public static string Render(Message message, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(message);
        var template = Template(message.Code, lang) ?? Template(message.Code, Lang.Fr);
        return template is null ? message.Code : MessageFormatter.Format(template, message, lang);
    }

    /// <summary>Renders a code with values: <c>Catalogue.Text(Lang.Fr, "rows_read", ("count", 3))</c>.</summary>
    public static string Text(Lang lang, string code, params (string Name, object? Value)[] args) =>
        Render(Message.Of(code, args), lang);

    /// <summary>Placeholder names used by a template.</summary>
    public static IReadOnlyList<string> PlaceholdersOf(string template) => MessageFormatter.Placeholders(template).Distinct(StringComparer.Ordinal).ToList();

    private static FrozenDictionary<string, string> Table(Lang lang) => lang == Lang.En ? Texts.Value.En : Texts.Value.Fr;

    private static (FrozenDictionary<string, string>, FrozenDictionary<string, string>) Load()
    {
        var fr = new Dictionary<string, string>(StringComparer.Ordinal);
        var en = new Dictionary<string, string>(StringComparer.Ordinal);
        var assembly = typeof(Catalogue).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var rest = name[Prefix.Length..];
            var target = rest.StartsWith("fr.", StringComparison.Ordinal) ? fr : rest.StartsWith("en.", StringComparison.Ordinal) ? en : null;
            if (target is null)
                continue;
            ReadInto(assembly, name, target);
        }
        return (fr.ToFrozenDictionary(StringComparer.Ordinal), en.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static void ReadInto(Assembly assembly, string resource, Dictionary<string, string> target)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing catalogue resource {resource}.");
        using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"{resource}: {p.Name} is not a string.");
            if (!target.TryAdd(p.Name, p.Value.GetString()!))
                throw new InvalidDataException($"{resource}: code {p.Name} is defined twice in the catalogue.");
        }
    }
}
