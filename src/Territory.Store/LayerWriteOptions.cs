namespace Territory.Store;

/// <summary>How an import writes its layer.</summary>
public sealed record LayerWriteOptions
{
    /// <summary>Replace the layer (default) or add to it.</summary>
    public bool Append { get; init; }

    /// <summary>Allow replacing a layer by one under <see cref="ShrinkThreshold"/> of its current size (<c>--replace</c>).</summary>
    public bool AllowShrink { get; init; }

    /// <summary>Share of the current row count under which a replacement counts as a shrink.</summary>
    public double ShrinkThreshold { get; init; } = 0.5;

    /// <summary>The data version the writer started from; null writes whatever the version (a CLI import, which reads its input fresh).</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>Who writes (audit); null for an anonymous local user.</summary>
    public string? Author { get; init; }

    /// <summary>Where the rows come from (file name), for the layer's history.</summary>
    public string? Source { get; init; }

    /// <summary>Default: replace, no shrink, no version check.</summary>
    public static LayerWriteOptions Replace { get; } = new();

    /// <summary>Append, no version check.</summary>
    public static LayerWriteOptions AppendRows { get; } = new() { Append = true };
}
