using Territory.Core.Messages;

namespace Territory.Cli.Infrastructure;

/// <summary>Where a command writes: standard output for results, standard error for errors and progress.</summary>
/// <param name="Out">Results (human text or one JSON document).</param>
/// <param name="Error">One-line errors.</param>
/// <param name="Interactive">True when standard output is a terminal: progress bars are shown.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool Interactive)
{
    /// <summary>Standard input (a password given with <c>--password-stdin</c>); empty when captured.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>The language of every text the command prints (<c>--lang</c>; French by default). JSON stays invariant.</summary>
    public Lang Lang { get; init; } = Lang.Fr;

    /// <summary>Receives every stage's progress of a long command (<see cref="ProgressDisplay.RunStages"/>), shown or not; null for none.</summary>
    public IProgress<Territory.Core.Analysis.StageProgress>? Stages { get; init; }

    public static CliConsole System() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected && !Console.IsErrorRedirected) { In = Console.In };

    public static CliConsole Captured(StringWriter output, StringWriter error) => new(output, error, false);

    /// <summary>A catalogue text in the console's language.</summary>
    public string T(string code, params (string Name, object? Value)[] values) => Catalogue.Text(Lang, code, values);

    /// <summary>A message in the console's language.</summary>
    public string T(Message message) => message.Render(Lang);
}
