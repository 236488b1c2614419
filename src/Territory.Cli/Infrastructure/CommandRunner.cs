using System.Text.Json;
using Territory.Core.Messages;
using Territory.Store;

namespace Territory.Cli.Infrastructure;

/// <summary>Runs a command body and turns failures into a one-line reason and an exit code.</summary>
/// <remarks>
/// Exit codes: 0 success, 2 bad input (file, option, data, a project busy or damaged), 3 input that does not
/// cover the project, 1 unexpected failure (a bug), 130 cancelled. Every input a user can give fails with its
/// own reason (a <see cref="ReasonException"/>) in the user's language, never as an unexpected error.
/// </remarks>
internal static class CommandRunner
{
    public const int BadInput = 2;

    public static int Run(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliPartialException e)
        {
            console.Error.WriteLine($"territory: {OneLine(console.T(e.Reason))}");
            return CliPartialException.ExitCode;
        }
        catch (Exception e) when (Reason(console, e) is { } reason)
        {
            console.Error.WriteLine($"territory: {OneLine(reason)}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine($"territory: {console.T("cancelled")}");
            return 130;
        }
        catch (Exception e)
        {
            console.Error.WriteLine($"territory: {console.T("unexpected_error", ("type", e.GetType().Name), ("detail", OneLine(e.Message)))}");
            if (Environment.GetEnvironmentVariable("TERRITORY_DEBUG") == "1")
                console.Error.WriteLine(e);
            return 1;
        }
    }

    /// <summary>The reason to print for an expected failure, or null for a bug.</summary>
    private static string? Reason(CliConsole console, Exception e) => e switch
    {
        ReasonException r => console.T(r.Reason),
        FileNotFoundException or DirectoryNotFoundException or InvalidDataException or JsonException
            or UnauthorizedAccessException or ArgumentException or FormatException => e.Message,
        _ => StoreFailureException.From(e, null)?.Reason is { } reason ? console.T(reason) : null,
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
