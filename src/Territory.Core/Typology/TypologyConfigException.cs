using Territory.Core.Messages;

namespace Territory.Core.Typology;

/// <summary>A typology configuration file that cannot be used; each problem names its key.</summary>
public sealed class TypologyConfigException : ReasonException
{
    /// <summary>One message per problem, each naming its key (JSON path).</summary>
    public IReadOnlyList<Message> Errors { get; }

    /// <summary>Creates the exception from a list of problems.</summary>
    public TypologyConfigException(IReadOnlyList<Message> errors, Exception? inner = null)
        : base(Territory.Core.Messages.Message.Of("config_invalid", ("errors", errors)), inner)
    {
        Errors = errors;
    }
}
