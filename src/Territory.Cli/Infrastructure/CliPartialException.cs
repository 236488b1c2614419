using Territory.Core.Messages;

namespace Territory.Cli.Infrastructure;

/// <summary>
/// The input does not cover the project (a road network or a layer of another area, estates mostly unreachable):
/// one line with the figures, exit code 3, nothing written; <c>--allow-partial</c> writes anyway.
/// </summary>
internal sealed class CliPartialException(Message reason) : ReasonException(reason)
{
    /// <summary>Exit code of a refusal for lack of coverage.</summary>
    public const int ExitCode = 3;
}
