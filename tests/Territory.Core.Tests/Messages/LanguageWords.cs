using System.Text.RegularExpressions;

namespace Territory.Core.Tests.Messages;

/// <summary>
/// The checked lists of words that give a text away as English in French mode, or French in English
/// mode. Shared by the catalogue's checks and by the end-to-end checks of what the command and the
/// report print (the CLI tests link this file).
/// </summary>
internal static partial class LanguageWords
{
    /// <summary>The first English word of <paramref name="text"/>, or null.</summary>
    public static string? FirstEnglish(string text) => English().Match(text) is { Success: true } m ? m.Value : null;

    /// <summary>The first French word or French-only letter of <paramref name="text"/>, or null.</summary>
    public static string? FirstFrench(string text) =>
        French().Match(text) is { Success: true } m ? m.Value : FrenchLetter().Match(text) is { Success: true } l ? l.Value : null;

    [GeneratedRegex(@"\b(the|is|are|not|and|of|with|without|file|row|rows|missing|found|number|error|warning|rejected|estate|estates|dwelling|dwellings|agency|agencies|travel|unknown|invalid|should|must|cannot|outside|inside|layer|none|empty|too|from|into|which|when|than|estimated|staff|caretaking|indicators|why|reception|account|signed|password|changed)\b", RegexOptions.IgnoreCase)]
    public static partial Regex English();

    [GeneratedRegex(@"\b(le|la|les|des|du|est|sont|avec|sans|fichier|ligne|lignes|logement|logements|programme|programmes|agence|agences|inconnu|inconnue|introuvable|trajet|couche|aucun|aucune|pour|dans|sur|estimé|gardiennage|indicateurs|pourquoi|accueil|moyenne|compte|connexion|connecté|déconnecté|réessayez|modifié)\b", RegexOptions.IgnoreCase)]
    public static partial Regex French();

    [GeneratedRegex("[àâçéèêëîïôûùüÿœÀÂÇÉÈÊËÎÏÔÛÙÜŸŒ«»]")]
    public static partial Regex FrenchLetter();
}
