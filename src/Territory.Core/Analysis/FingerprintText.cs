using System.Text;

namespace Territory.Core.Analysis;

/// <summary>A number in a fingerprint: its bits, exact and far cheaper to write than its round-trip text.</summary>
internal static class FingerprintText
{
    public static StringBuilder AppendBits(this StringBuilder text, double? value) =>
        value is { } v ? text.Append(BitConverter.DoubleToInt64Bits(v)) : text.Append('-');
}
