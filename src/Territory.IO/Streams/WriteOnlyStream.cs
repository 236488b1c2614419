namespace Territory.IO.Streams;

/// <summary>
/// A forward-only sink of bytes: a subclass writes spans (<see cref="Write(ReadOnlySpan{byte})"/>) and, if it buffers,
/// flushes; reading, seeking and the length are not supported.
/// </summary>
/// <remarks>The base of the project's streams that feed something else as bytes come: a hash, a text writer, a table's parts.</remarks>
public abstract class WriteOnlyStream : Stream
{
    public sealed override bool CanRead => false;

    public sealed override bool CanSeek => false;

    public sealed override bool CanWrite => true;

    public sealed override long Length => throw new NotSupportedException();

    public sealed override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public sealed override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public abstract override void Write(ReadOnlySpan<byte> buffer);

    /// <inheritdoc />
    public override void Flush()
    {
    }

    public sealed override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public sealed override void SetLength(long value) => throw new NotSupportedException();
}
