namespace Territory.Cli.Infrastructure;

/// <summary>A token cancelled by Ctrl+C (SIGINT) or SIGTERM, so long work stops cleanly and rolls back.</summary>
internal sealed class Cancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly System.Runtime.InteropServices.PosixSignalRegistration _int;
    private readonly System.Runtime.InteropServices.PosixSignalRegistration _term;

    public Cancellation()
    {
        _int = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Cancel);
        _term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Cancel);
    }

    public CancellationToken Token => _source.Token;

    private void Cancel(System.Runtime.InteropServices.PosixSignalContext context)
    {
        context.Cancel = true;
        _source.Cancel();
    }

    public void Dispose()
    {
        _int.Dispose();
        _term.Dispose();
        _source.Dispose();
    }
}
