using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Territory.Routing.Graph;

/// <summary>Fast 64-bit checksum over the graph file payload (not cryptographic).</summary>
internal struct Checksum64
{
    private const ulong K1 = 0x9E3779B185EBCA87UL;
    private const ulong K2 = 0xC2B2AE3D27D4EB4FUL;
    private ulong _hash;

    public Checksum64() => _hash = 0x27D4EB2F165667C5UL;

    public readonly ulong Value => _hash;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(ReadOnlySpan<byte> bytes)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        ulong h = _hash;
        foreach (ulong w in words)
            h = BitOperations.RotateLeft(h ^ (w * K1), 31) * K2;
        for (int i = words.Length * 8; i < bytes.Length; i++)
            h = BitOperations.RotateLeft(h ^ (bytes[i] * K1), 31) * K2;
        h ^= (ulong)bytes.Length;
        _hash = h;
    }
}
