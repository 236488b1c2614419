using Npgsql;
using NpgsqlTypes;

namespace Territory.PostGis.Store;

/// <summary>Binary files of a project kept in <c>territory_files</c> as numbered <c>bytea</c> parts (the road graph may exceed bytea's 1 GB).</summary>
internal sealed class PgFileParts(PgSchema schema)
{
    /// <summary>Size of a part.</summary>
    public const int PartBytes = 8 << 20;

    public void Delete(string name) => schema.Execute($"DELETE FROM {schema.Q(PgSchema.Files)} WHERE name = @n", ("n", name));

    /// <summary>Writes a file part by part as <paramref name="save"/> produces it (inside the caller's transaction).</summary>
    public void Write(string name, Action<Stream> save, CancellationToken ct)
    {
        using var stream = new PartWriter(schema, name, ct);
        save(stream);
        stream.Flush();
    }

    /// <summary>The file as a stream reading its parts in order, or null when there is none.</summary>
    public Stream? Open(string name)
    {
        var parts = Convert.ToInt32(schema.Scalar($"SELECT count(*) FROM {schema.Q(PgSchema.Files)} WHERE name = @n", ("n", name)), System.Globalization.CultureInfo.InvariantCulture);
        return parts == 0 ? null : new PartReader(schema, name, parts);
    }

    private sealed class PartWriter(PgSchema schema, string name, CancellationToken ct) : Territory.IO.Streams.WriteOnlyStream
    {
        private readonly MemoryStream _buffer = new();
        private int _part;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (buffer.Length > 0)
            {
                var room = PartBytes - (int)_buffer.Length;
                var take = Math.Min(room, buffer.Length);
                _buffer.Write(buffer[..take]);
                buffer = buffer[take..];
                if (_buffer.Length == PartBytes)
                    Store();
            }
        }

        public override void Flush()
        {
            if (_buffer.Length > 0)
                Store();
        }

        private void Store()
        {
            ct.ThrowIfCancellationRequested();
            using var cmd = schema.Command($"INSERT INTO {schema.Q(PgSchema.Files)} (name, part, data) VALUES (@n, @p, @d)", ("n", name), ("p", _part++));
            cmd.Parameters.Add(new NpgsqlParameter("d", NpgsqlDbType.Bytea) { Value = new ArraySegment<byte>(_buffer.GetBuffer(), 0, (int)_buffer.Length) });
            cmd.ExecuteNonQuery();
            _buffer.SetLength(0);
        }
    }

    private sealed class PartReader(PgSchema schema, string name, int parts) : Stream
    {
        private byte[] _current = [];
        private int _offset;
        private int _next;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_offset == _current.Length)
            {
                if (_next == parts)
                    return 0;
                _current = schema.Scalar($"SELECT data FROM {schema.Q(PgSchema.Files)} WHERE name = @n AND part = @p", ("n", name), ("p", _next++)) as byte[]
                    ?? throw new InvalidDataException($"Part {_next - 1} of {name} is missing.");
                _offset = 0;
            }
            var take = Math.Min(buffer.Length, _current.Length - _offset);
            _current.AsSpan(_offset, take).CopyTo(buffer);
            _offset += take;
            return take;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
