using Territory.Core.Messages;

namespace Territory.Cli.Infrastructure;

/// <summary>The <c>--lang</c> option, read before the command tree is built (its descriptions are in that language).</summary>
internal static class CliLang
{
    public const string OptionName = "--lang";

    /// <summary>French unless the arguments hold <c>--lang en</c> or <c>--lang=en</c> (before a <c>--</c>).</summary>
    public static Lang From(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
                break;
            if (a == OptionName && i + 1 < args.Count)
                return Langs.Parse(args[i + 1]);
            if (a.StartsWith(OptionName + "=", StringComparison.Ordinal) || a.StartsWith(OptionName + ":", StringComparison.Ordinal))
                return Langs.Parse(a[(OptionName.Length + 1)..]);
        }
        return Lang.Fr;
    }
}
