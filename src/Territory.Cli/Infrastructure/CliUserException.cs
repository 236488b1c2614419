using Territory.Core.Messages;

namespace Territory.Cli.Infrastructure;

/// <summary>Bad input from the user: printed as one line in the user's language, exit code 2, never a stack trace.</summary>
internal sealed class CliUserException(Message reason) : ReasonException(reason)
{
    /// <summary>A catalogue code and its values.</summary>
    public CliUserException(string code, params (string Name, object? Value)[] values)
        : this(Territory.Core.Messages.Message.Of(code, values))
    {
    }
}
