using Territory.Core.Model;

namespace Territory.Store;

/// <summary>The state of one input layer: its last write, and the previous version kept for undo.</summary>
/// <param name="Kind">The layer.</param>
/// <param name="Revision">Data version at which the layer was last written (part of every result's input key).</param>
/// <param name="Rows">Rows now.</param>
/// <param name="Source">Where the last write came from (file name, « scénario », « annulation »).</param>
/// <param name="WrittenAt">When (UTC).</param>
/// <param name="PreviousRows">Rows of the version an undo would restore; null when none is kept.</param>
/// <param name="PreviousSource">Where that version came from.</param>
public sealed record LayerRevision(LayerKind Kind, long Revision, long Rows, string? Source, DateTimeOffset WrittenAt, long? PreviousRows, string? PreviousSource);
