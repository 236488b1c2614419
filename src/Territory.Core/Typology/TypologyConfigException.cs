namespace Territory.Core.Typology;

/// <summary>A typology configuration file that cannot be used; the message names the bad key.</summary>
public sealed class TypologyConfigException : Exception
{
    /// <summary>One message per problem, each naming its key (JSON path).</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Creates the exception from a list of problems.</summary>
    public TypologyConfigException(IReadOnlyList<string> errors, Exception? inner = null)
        : base("Configuration de typologie invalide : " + string.Join(" ; ", errors), inner)
    {
        Errors = errors;
    }
}
