using Territory.Core.Messages;
using Territory.IO.Import;

namespace Territory.Web.State;

/// <summary>What an import would change, read and validated without writing anything.</summary>
/// <param name="Token">Confirms this very preview (<see cref="ProjectSession.CommitPreviewAsync"/>).</param>
/// <param name="DataVersion">The data version the preview was made at; the commit is refused if the project moved on.</param>
/// <param name="Result">The rows read, accepted and rejected (with their reasons).</param>
/// <param name="Append">True to add to the layer, false to replace it.</param>
/// <param name="CountBefore">Features in the layer now.</param>
/// <param name="CountAfter">Features after the import.</param>
/// <param name="DuplicatesSkipped">Appended rows whose key is already in the layer (the stored one wins).</param>
/// <param name="ExtentBefore">Lon/lat extent of the layer now (min lon, min lat, max lon, max lat), or null when empty.</param>
/// <param name="ExtentAfter">Lon/lat extent after the import, or null when empty.</param>
/// <param name="NeedsConfirmation">A replacement under half the layer's size: written only when the user confirms.</param>
/// <param name="Refusal">Why the import cannot be written at all (nothing accepted), or null.</param>
public sealed record ImportPreview(string Token, long DataVersion, ImportResult Result, bool Append, long CountBefore, long CountAfter,
    int DuplicatesSkipped, double[]? ExtentBefore, double[]? ExtentAfter, bool NeedsConfirmation, Message? Refusal);
