using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.Export;
using Territory.IO.Import;
using Territory.IO.Travel;
using Territory.Store;
using Territory.Store.Users;
using Territory.Web.Auth;

namespace Territory.Web.State;

public sealed partial class ProjectSession
{
    private readonly PendingImports _pending = new();

    /// <summary>The request's user as the audit table names them (null without sign-in).</summary>
    private string? Author => users?.Current.Author;

    /// <summary>Writes the request's user's scenario into the project as the reference network, then its travel and analysis layers.</summary>
    /// <param name="seen">The data version the client's view was made from (null: the session's).</param>
    /// <param name="ct">Cancels the save until the agencies are committed; what follows the commit always completes.</param>
    /// <remarks>
    /// The agencies layer is replaced in one transaction, a compare-and-swap on the data version the scenario was
    /// made from; the derived layers follow in one transaction that checks they describe that very commit.
    /// </remarks>
    /// <exception cref="ProjectChangedException">The project changed since the scenario's state: nothing written, session reloaded, scenario kept.</exception>
    /// <exception cref="SessionStaleException">The session could not reload after an earlier commit.</exception>
    /// <exception cref="AccessDeniedException">The user's role is not <c>administration</c>.</exception>
    public async Task<ProjectSnapshot> SaveAsync(long? seen, CancellationToken ct)
    {
        users?.Require(UserRole.Administration);
        var user = UserKey;
        await _gate.WaitAsync(ct);
        try
        {
            await Task.Run(() => EnsureCurrent(seen, "project_changed_save", ct), ct);
            return await SaveCurrentLocked("scénario", Author, user, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Under the gate, the state checked current: writes the current presence points as the reference network.</summary>
    /// <param name="source">What the audit line names as the source.</param>
    /// <param name="author">Who saves (audit), or null.</param>
    /// <param name="user">Whose scenario is written (their edits become the saved state; the others' are replayed over it).</param>
    /// <param name="ct">Cancels until the commit.</param>
    private async Task<ProjectSnapshot> SaveCurrentLocked(string source, string? author, string user, CancellationToken ct)
    {
        var state = State;
        var current = state.CurrentOf(user);
        // The map words the task itself (map_progress_save); the label carries only what it cannot know.
        var reporter = progress.Task("save", "");
        var outcome = await Task.Run(() => Write("project_changed_save", store =>
        {
            var crs = current.Data.WorkingCrs;
            return store.ImportLayer(new ImportResult
            {
                Kind = LayerKind.Agencies,
                SourcePath = source,
                SourceCrs = crs,
                TargetCrs = crs,
                Read = current.Data.Agencies.Count,
                Agencies = current.Data.Agencies,
            }, new LayerWriteOptions { AllowShrink = true, Source = source, Author = author ?? Author, ExpectedVersion = state.Saved.Data.DataVersion }, ct);
        }), ct);
        // Committed: from here on nothing depends on the request.
        progress.Committed("save", outcome.DataVersion);
        await Task.Run(() =>
        {
            WriteDerived(current, outcome.DataVersion);
            reporter.Report(0.6);
            ReloadAfterCommit(reporter, clearScenarioOf: user);
        }, CancellationToken.None);
        progress.Done("save", Current.Version);
        return Current;
    }

    /// <summary>Reads a file into one layer and writes it (one transaction), then reloads and reanalyses.</summary>
    /// <param name="upload">The uploaded file, as stored by the server.</param>
    /// <param name="request">Target layer and how to write it.</param>
    /// <param name="ct">Cancellation: the project is left unchanged unless the write already committed.</param>
    /// <exception cref="ImportException">The file cannot be read at all.</exception>
    /// <exception cref="ReasonException">Nothing accepted, or a shrink not confirmed.</exception>
    /// <exception cref="ProjectChangedException">The project changed since <see cref="ImportRequest.Seen"/>.</exception>
    public async Task<(ImportResult Result, LayerWriteOutcome Outcome)> ImportAsync(string upload, ImportRequest request, CancellationToken ct)
    {
        var result = await ReadImportAsync(upload, request, ct);
        return (result, await CommitAsync(result, request, ct));
    }

    /// <summary>Reads and validates a file without writing: what the import would change, kept for <see cref="CommitPreviewAsync"/>.</summary>
    /// <exception cref="ImportException">The file cannot be read at all.</exception>
    public async Task<ImportPreview> PreviewImportAsync(string upload, ImportRequest request, CancellationToken ct)
    {
        var result = await ReadImportAsync(upload, request, ct);
        var saved = Saved;
        var preview = ImportPreviews.Describe(result, request, saved);
        var token = _pending.Add(result, request with { Seen = saved.Data.DataVersion });
        return preview with { Token = token, DataVersion = saved.Data.DataVersion };
    }

    /// <summary>Writes what a preview read, as a compare-and-swap on the data version the preview was made at.</summary>
    /// <param name="token">The preview's token.</param>
    /// <param name="allowShrink">The user confirmed a replacement under half the layer's size.</param>
    /// <param name="ct">Cancellation until the commit.</param>
    /// <exception cref="ReasonException">The preview expired or was already used.</exception>
    /// <exception cref="ProjectChangedException">The project changed since the preview.</exception>
    public async Task<(ImportResult Result, LayerWriteOutcome Outcome)> CommitPreviewAsync(string token, bool allowShrink, CancellationToken ct)
    {
        var (result, request) = _pending.Take(token) ?? throw new ReasonException(Message.Of("import_preview_expired"));
        try
        {
            return (result, await CommitAsync(result, request with { AllowShrink = allowShrink }, ct));
        }
        catch (Exception e) when (e is ReasonException and not ProjectChangedException and not SessionStaleException || e is OperationCanceledException)
        {
            // Refused before anything was written (a shrink to confirm, a busy project) or cancelled: the preview still stands.
            _pending.Put(token, result, request);
            throw;
        }
    }

    /// <summary>Puts a layer back as it was before its last import (<see cref="IProjectStore.UndoImport"/>), then reloads.</summary>
    /// <exception cref="ReasonException">No previous version kept for that layer.</exception>
    /// <exception cref="ProjectChangedException">The project changed since <paramref name="seen"/>.</exception>
    public async Task<LayerWriteOutcome> UndoImportAsync(LayerKind kind, long? seen, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await Task.Run(() => EnsureCurrent(seen, "project_changed_import", ct), ct);
            var expected = State.Saved.Data.DataVersion;
            var outcome = await Task.Run(() => Write("project_changed_import",
                store => store.UndoImport(kind, new LayerWriteOptions { ExpectedVersion = expected, Source = "annulation", Author = Author }, ct)), ct);
            progress.Committed("undo", outcome.DataVersion);
            await Task.Run(() => ReloadAfterCommit(), CancellationToken.None);
            progress.Done("undo", Current.Version);
            return outcome;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ImportResult> ReadImportAsync(string upload, ImportRequest request, CancellationToken ct)
    {
        var reporter = progress.Task("import", request.DisplayName);
        // Read outside the gate: a large file never holds up the map's edits; the write checks the version it was read at.
        return await Task.Run(() =>
        {
            int? workingCrs;
            using (var store = OpenExisting())
                workingCrs = store.WorkingCrs;
            try
            {
                var result = LayerImporter.Import(upload, request.Kind, new ImportOptions
                {
                    Crs = request.Crs,
                    LayerName = request.LayerName,
                    TargetCrs = workingCrs,
                    Progress = new Progress<double>(v => reporter.Report(v * 0.6)),
                }, ct);
                return result with { SourcePath = request.DisplayName };
            }
            catch (ImportException e)
            {
                throw Renamed(e, upload, request.DisplayName);
            }
        }, ct);
    }

    /// <summary>The reason with the server's storage name and folder of the upload replaced by the user's file name.</summary>
    private static ImportException Renamed(ImportException e, string upload, string displayName)
    {
        var folder = Path.GetDirectoryName(upload) + Path.DirectorySeparatorChar;
        var stored = Path.GetFileName(upload);
        var args = e.Reason.Args
            .Select(a => (a.Key, a.Value is string text ? text.Replace(folder, "", StringComparison.Ordinal).Replace(stored, displayName, StringComparison.Ordinal) : a.Value))
            .ToArray();
        // A reason with a variant for the map (« indiquez-le dans le champ … » instead of « --crs ») uses it.
        var code = Catalogue.Has(e.Reason.Code + "_map") ? e.Reason.Code + "_map" : e.Reason.Code;
        return new ImportException(Message.Of(code, args), e) { Layers = e.Layers };
    }

    private async Task<LayerWriteOutcome> CommitAsync(ImportResult result, ImportRequest request, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await Task.Run(() => EnsureCurrent(request.Seen, "project_changed_import", ct), ct);
            var expected = State.Saved.Data.DataVersion;
            var outcome = await Task.Run(() => Write("project_changed_import", store =>
            {
                // The project's CRS was set by another import since this file was read: read it again.
                if (store.WorkingCrs is int crs && crs != result.TargetCrs)
                    throw new StaleVersionException(expected, store.DataVersion);
                return store.ImportLayer(result, new LayerWriteOptions
                {
                    Append = request.Append,
                    AllowShrink = request.AllowShrink,
                    ExpectedVersion = expected,
                    Source = request.DisplayName,
                    Author = Author,
                }, ct);
            }), ct);
            progress.Committed("import", outcome.DataVersion);
            var reporter = progress.Task("import", request.DisplayName);
            await Task.Run(() => ReloadAfterCommit(reporter), CancellationToken.None);
            progress.Done("import", Current.Version);
            return outcome;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs one write transaction; a version refused by the store reloads the session and becomes a 409.</summary>
    private LayerWriteOutcome Write(string changedCode, Func<IProjectStore, LayerWriteOutcome> write)
    {
        try
        {
            using var store = OpenExisting();
            return write(store);
        }
        catch (StaleVersionException e)
        {
            ReloadAfterCommit();
            throw new ProjectChangedException(Message.Of(changedCode, ("seen", e.Expected), ("now", e.Actual)), e.Expected, e.Actual);
        }
    }

    /// <summary>The scenario's travel and analysis layers, written only if the agencies commit is still the last one.</summary>
    private void WriteDerived(ProjectSnapshot computed, long inputVersion)
    {
        try
        {
            using var store = OpenExisting();
            store.WriteDerived(inputVersion, sink =>
            {
                if (computed.Review is not null)
                    TravelReviewLayers.Write(sink, computed.Data.WorkingCrs, computed.Data.Estates, computed.Data.Agencies, computed.Review, _lifetime.Token);
                AnalysisLayers.Write(sink, computed.Analysis, _lifetime.Token);
            }, _lifetime.Token);
        }
        catch (StaleVersionException)
        {
            // Someone committed right after the save: these layers would describe an older state; the
            // ones in the project stay marked with the version they were computed from.
        }
    }
}
