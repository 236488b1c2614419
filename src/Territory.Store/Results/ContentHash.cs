using System.Security.Cryptography;
using System.Text.Json;

namespace Territory.Store.Results;

/// <summary>SHA-256 of a value's stored form (every property, geometries as WKB), as 32 hex digits.</summary>
/// <remarks>
/// The hash follows the records themselves: a column added to a layer's record enters the hash without
/// anyone listing it here. Same content, same hash, whichever program wrote the layer.
/// </remarks>
internal static class ContentHash
{
    public static string Of<T>(T value)
    {
        using var hash = new HashingStream();
        JsonSerializer.Serialize(hash, value, PayloadJson.Options);
        return hash.Hex();
    }

    /// <summary>
    /// Hash of a list: its items' stored form hashed by runs of <see cref="Run"/> side by side, then the runs' hashes in order.
    /// Same items in the same order, same hash.
    /// </summary>
    public static string OfList<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var runs = new byte[(items.Count + Run - 1) / Run][];
        Parallel.For(0, runs.Length, r =>
        {
            using var hash = new HashingStream();
            var run = new T[Math.Min(Run, items.Count - r * Run)];
            for (var i = 0; i < run.Length; i++)
                run[i] = items[r * Run + i];
            JsonSerializer.Serialize(hash, run, PayloadJson.Options);
            runs[r] = hash.Digest();
        });
        using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        whole.AppendData(BitConverter.GetBytes(items.Count));
        foreach (var run in runs)
            whole.AppendData(run);
        return Convert.ToHexStringLower(whole.GetHashAndReset())[..32];
    }

    /// <summary>Items per run of <see cref="OfList"/>.</summary>
    private const int Run = 4096;

    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..32];

    private sealed class HashingStream : Territory.IO.Streams.WriteOnlyStream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string Hex() => Convert.ToHexStringLower(_hash.GetHashAndReset())[..32];

        public byte[] Digest() => _hash.GetHashAndReset();

        public override void Write(ReadOnlySpan<byte> buffer) => _hash.AppendData(buffer);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
