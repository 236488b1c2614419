using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;

namespace Territory.Cli.Infrastructure;

/// <summary>
/// The <c>--help</c> text, written from the catalogue in the console's language: System.CommandLine's
/// own resources cannot be switched here (invariant globalization) and its French satellite leaves
/// « Show help and usage information », « Description: », « (REQUIRED) »… in English.
/// </summary>
internal sealed class CliHelp(CliConsole console) : SynchronousCommandLineAction
{
    private const int Width = 100;

    /// <summary>Replaces the root's help action and describes the built-in help and version options.</summary>
    public static void Install(RootCommand root, CliConsole console)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = new CliHelp(console);
                help.Description = console.T("cli_option_help");
            }
            else if (option is VersionOption version)
                version.Description = console.T("cli_option_version");
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        console.Out.Write(Write(parseResult.CommandResult.Command));
        return 0;
    }

    /// <summary>The help text of a command.</summary>
    public string Write(Command command)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(command.Description))
        {
            sb.AppendLine(console.T("cli_help_description"));
            Wrap(sb, "  ", command.Description!);
            sb.AppendLine();
        }
        sb.AppendLine(console.T("cli_help_usage"));
        sb.Append("  ").AppendLine(Usage(command));

        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        if (arguments.Count > 0)
        {
            sb.AppendLine().AppendLine(console.T("cli_help_arguments"));
            Columns(sb, arguments.Select(a => (ArgumentLabel(a), Describe(a.Description, null, a.HasDefaultValue ? a.GetDefaultValue() : null))));
        }
        var options = OptionsOf(command);
        if (options.Count > 0)
        {
            sb.AppendLine().AppendLine(console.T("cli_help_options"));
            Columns(sb, options.Select(o => (OptionLabel(o),
                Describe(o.Description, o.Required ? console.T("cli_help_required") : null, o.HasDefaultValue ? o.GetDefaultValue() : null))));
        }
        var commands = command.Subcommands.Where(c => !c.Hidden).ToList();
        if (commands.Count > 0)
        {
            sb.AppendLine().AppendLine(console.T("cli_help_commands"));
            Columns(sb, commands.Select(c => (c.Name, c.Description ?? "")));
        }
        return sb.AppendLine().ToString();
    }

    private static string ArgumentLabel(Argument argument) => $"<{argument.HelpName ?? argument.Name}>";

    // « -h, --help », « --as <estates|agencies|communes|qpv> »: the value's name only for options that take one.
    private static string OptionLabel(Option option)
    {
        // Windows-style aliases (« /h ») are left out: this is a Linux command.
        var names = string.Join(", ", option.Aliases.Append(option.Name).Where(n => !n.StartsWith('/')).Distinct(StringComparer.Ordinal)
            .OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal));
        var valueType = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        return valueType == typeof(bool) || option.Arity.MaximumNumberOfValues == 0
            ? names
            : $"{names} <{option.HelpName ?? option.Name.TrimStart('-')}>";
    }

    private static List<Option> OptionsOf(Command command)
    {
        var list = command.Options.Where(o => !o.Hidden).ToList();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            list.AddRange(parent.Options.Where(o => o.Recursive && !o.Hidden && !list.Contains(o)));
        return list;
    }

    private string Usage(Command command)
    {
        var names = new Stack<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
            names.Push(c is RootCommand ? "territory" : c.Name);
        var parts = new List<string> { string.Join(' ', names) };
        if (command.Subcommands.Any(c => !c.Hidden))
            parts.Add(console.T("cli_help_usage_command"));
        foreach (var a in command.Arguments.Where(a => !a.Hidden))
        {
            var label = ArgumentLabel(a);
            parts.Add(a.Arity.MinimumNumberOfValues == 0 ? $"[{label}]" : label);
        }
        if (OptionsOf(command).Count > 0)
            parts.Add(console.T("cli_help_usage_options"));
        return string.Join(' ', parts);
    }

    private string Describe(string? description, string? required, object? defaultValue)
    {
        var text = description ?? "";
        if (required is not null)
            text = $"{text} {required}";
        if (defaultValue is not null and not false && Convert.ToString(defaultValue, System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 } d)
            text = $"{text} {console.T("cli_help_default", ("value", d))}";
        return text.Trim();
    }

    private static void Columns(StringBuilder sb, IEnumerable<(string Label, string Text)> rows)
    {
        var list = rows.ToList();
        var first = Math.Min(list.Max(r => r.Label.Length), 36) + 4;
        foreach (var (label, text) in list)
        {
            var head = "  " + label;
            if (head.Length + 2 > first)
            {
                sb.AppendLine(head);
                head = "";
            }
            Wrap(sb, head.PadRight(first), text, new string(' ', first));
        }
    }

    private static void Wrap(StringBuilder sb, string head, string text, string? indent = null)
    {
        indent ??= head;
        var line = new StringBuilder(head);
        var start = line.Length;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > start && line.Length + 1 + word.Length > Width)
            {
                sb.AppendLine(line.ToString().TrimEnd());
                line.Clear().Append(indent);
                start = line.Length;
            }
            if (line.Length > start)
                line.Append(' ');
            line.Append(word);
        }
        sb.AppendLine(line.ToString().TrimEnd());
    }
}
