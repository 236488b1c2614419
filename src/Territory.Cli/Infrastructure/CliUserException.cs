namespace Territory.Cli.Infrastructure;

/// <summary>Bad input from the user: printed as one line, exit code 2, never a stack trace.</summary>
internal sealed class CliUserException(string message) : Exception(message);
