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

    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..32];

    private sealed class HashingStream : Territory.IO.Streams.WriteOnlyStream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string Hex() => Convert.ToHexStringLower(_hash.GetHashAndReset())[..32];

        public override void Write(ReadOnlySpan<byte> buffer) => _hash.AppendData(buffer);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
