using Territory.Core.Model;

namespace Territory.Web.State;

/// <summary>An import asked for on the map.</summary>
/// <param name="Kind">Target layer.</param>
/// <param name="DisplayName">The user's file name (reports and reasons name it).</param>
/// <param name="Append">Add to the layer instead of replacing it (the default is to replace, like the CLI).</param>
/// <param name="AllowShrink">The user confirmed replacing the layer by one under half its size.</param>
/// <param name="LayerName">Layer to read in a multi-layer source.</param>
/// <param name="Crs">Source CRS when the file does not say it.</param>
/// <param name="Seen">The data version the user's view (or the preview) was made from; null: the session's.</param>
public sealed record ImportRequest(LayerKind Kind, string DisplayName, bool Append, bool AllowShrink, string? LayerName, string? Crs, long? Seen);
