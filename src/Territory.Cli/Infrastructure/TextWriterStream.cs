using System.Text;

namespace Territory.Cli.Infrastructure;

/// <summary>A write-only stream of UTF-8 bytes that passes the decoded text to a <see cref="TextWriter"/> as it comes.</summary>
/// <remarks>Lets <c>System.Text.Json</c> stream a large document to the console (or a test's <see cref="StringWriter"/>)
/// in pieces, instead of building it whole as one string first.</remarks>
internal sealed class TextWriterStream(TextWriter writer) : Territory.IO.Streams.WriteOnlyStream
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private char[] _chars = new char[8192];

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var needed = _decoder.GetCharCount(buffer, flush: false);
        if (_chars.Length < needed)
            _chars = new char[needed];
        var count = _decoder.GetChars(buffer, _chars, flush: false);
        writer.Write(_chars, 0, count);
    }

    public override void Flush() => writer.Flush();
}
