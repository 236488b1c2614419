using System.Text;
using Territory.Cli.Infrastructure;
using Territory.Core.Messages;

namespace Territory.Cli.Commands;

/// <summary>A new password: the first line of standard input (<c>--password-stdin</c>), or typed twice at the terminal without echo.</summary>
internal static class PasswordInput
{
    /// <exception cref="ReasonException">Nothing given, or the two typings differ.</exception>
    public static string Read(CliConsole console, bool fromStdin)
    {
        if (fromStdin)
        {
            var line = console.In.ReadLine();
            return string.IsNullOrEmpty(line) ? throw new ReasonException(Message.Of("auth_password_stdin_empty")) : line;
        }
        if (!console.Interactive || Console.IsInputRedirected)
            throw new ReasonException(Message.Of("auth_password_needed"));
        var first = Prompt(console, console.T("auth_password_prompt"));
        var second = Prompt(console, console.T("auth_password_prompt_again"));
        return first == second ? first : throw new ReasonException(Message.Of("auth_password_mismatch"));
    }

    private static string Prompt(CliConsole console, string label)
    {
        console.Error.Write(label + " ");
        var text = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
                text.Length--;
            else if (!char.IsControl(key.KeyChar))
                text.Append(key.KeyChar);
        }
        console.Error.WriteLine();
        return text.ToString();
    }
}
