using System.Text.Json;
using Territory.Core.Messages;

namespace Territory.Cli.Infrastructure;

/// <summary>Runs a command body and turns failures into a one-line reason and an exit code.</summary>
/// <remarks>Exit codes: 0 success, 2 bad input (file, option, data), 3 input that does not cover the project, 1 unexpected failure, 130 cancelled.</remarks>
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
            console.Error.WriteLine($"territory: {console.T(e.Reason)}");
            return CliPartialException.ExitCode;
        }
        catch (Exception e) when (IsUserError(e))
        {
            console.Error.WriteLine($"territory: {(e is ReasonException r ? console.T(r.Reason) : e.Message)}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine($"territory: {console.T("cancelled")}");
            return 130;
        }
        catch (Exception e)
        {
            console.Error.WriteLine($"territory: {console.T("unexpected_error", ("type", e.GetType().Name), ("detail", e.Message))}");
            if (Environment.GetEnvironmentVariable("TERRITORY_DEBUG") == "1")
                console.Error.WriteLine(e);
            return 1;
        }
    }

    private static bool IsUserError(Exception e) => e is ReasonException
        or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or JsonException
        or UnauthorizedAccessException or ArgumentException or FormatException;
}
