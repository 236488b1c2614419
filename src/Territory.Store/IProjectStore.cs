using Territory.Core.Model;
using Territory.Core.Scenarios;
using Territory.IO.Import;
using Territory.IO.Layers;
using Territory.Routing.Graph;
using Territory.Store.Users;

namespace Territory.Store;

/// <summary>A Territory project: its input layers, result layers, versions, scenarios and stored results.</summary>
/// <remarks>
/// <para>Two implementations: a GeoPackage file (the zero-setup default) and a PostGIS schema (an
/// organisation's server). Both keep the same layers and columns (<see cref="ProjectLayers"/>), the
/// same transactions (an import or a save is one transaction; a failed one leaves the project as it
/// was) and the same rules.</para>
/// <para><b>Data version.</b> Every committed change of an input layer or of the reference network
/// increments <see cref="DataVersion"/>. Writers that started from an older state pass the version
/// they read (<see cref="LayerWriteOptions.ExpectedVersion"/>): the write is refused with
/// <see cref="StaleVersionException"/> instead of erasing what someone else committed.</para>
/// <para><b>Nothing replaced by nothing.</b> An import that accepted no row never replaces a layer,
/// and replacing a layer by one under half its size needs <see cref="LayerWriteOptions.AllowShrink"/>.
/// The previous content of each input layer is kept until its next import, so an import can be undone
/// (<see cref="UndoImport"/>).</para>
/// <para>One store per thread; it holds its connection until disposed.</para>
/// </remarks>
public interface IProjectStore : ILayerSink, IProjectTables, IDisposable
{
    /// <summary>The GeoPackage path, or the PostgreSQL URI without its password.</summary>
    string Location { get; }

    /// <summary>EPSG code of the working CRS; null until the first import.</summary>
    int? WorkingCrs { get; }

    /// <summary>The data version as committed now (read from the store at each call).</summary>
    long DataVersion { get; }

    /// <summary>All estates, effective commune and QPV codes, in insertion order.</summary>
    IReadOnlyList<Estate> ReadEstates();

    /// <summary>All agencies and presence points (the reference network).</summary>
    IReadOnlyList<Agency> ReadAgencies();

    /// <summary>All communes (geometries as multipolygons).</summary>
    IReadOnlyList<Commune> ReadCommunes();

    /// <summary>All priority districts (geometries as multipolygons).</summary>
    IReadOnlyList<PriorityDistrict> ReadDistricts();

    /// <summary>Candidate sites the user imported (empty when none).</summary>
    IReadOnlyList<Candidate> ReadCandidates();

    /// <summary>Every table of the project with row count, CRS, extent and (estates) dwellings.</summary>
    IReadOnlyList<LayerInfo> Inspect();

    /// <summary>Writes an import result into its input layer, in one transaction, and refreshes the spatial join.</summary>
    /// <exception cref="StaleVersionException">The data version is not the expected one.</exception>
    /// <exception cref="Core.Messages.ReasonException">Nothing accepted, or a shrink without <see cref="LayerWriteOptions.AllowShrink"/>.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the project is unchanged.</exception>
    LayerWriteOutcome ImportLayer(ImportResult result, LayerWriteOptions options, CancellationToken ct = default);

    /// <summary>
    /// Writes an import whose rows are read as they are written (<see cref="LayerImporter.Open"/>), in one transaction:
    /// memory does not grow with the rows. Same rules and outcome as <see cref="ImportLayer(ImportResult, LayerWriteOptions, CancellationToken)"/>;
    /// the counts and report are in <see cref="ImportStream.Result"/> afterwards.
    /// </summary>
    /// <exception cref="StaleVersionException">The data version is not the expected one.</exception>
    /// <exception cref="Core.Messages.ReasonException">Nothing accepted, or a shrink without <see cref="LayerWriteOptions.AllowShrink"/>; the project is unchanged.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the project is unchanged.</exception>
    LayerWriteOutcome ImportLayer(ImportStream stream, LayerWriteOptions options, CancellationToken ct = default);

    /// <summary>Puts back the layer as it was before its last import (the undone content becomes the previous one).</summary>
    /// <exception cref="Core.Messages.ReasonException">No previous version kept for that layer.</exception>
    /// <exception cref="StaleVersionException">The data version is not the expected one.</exception>
    LayerWriteOutcome UndoImport(LayerKind kind, LayerWriteOptions options, CancellationToken ct = default);

    /// <summary>What the last import of each input layer did and what an undo would restore.</summary>
    IReadOnlyList<LayerRevision> Revisions();

    /// <summary>
    /// Writes result layers (travel times, analysis) computed from the input layers as they were at
    /// <paramref name="inputVersion"/>, all in one transaction that first checks the data version is
    /// still that one: results computed from a stale snapshot never overwrite fresher ones.
    /// </summary>
    /// <param name="inputVersion">The data version the inputs were read at (<see cref="ProjectData.DataVersion"/>).</param>
    /// <param name="write">Writes the layers into the sink it is given (never an input layer).</param>
    /// <param name="ct">Cancels the write (rolled back).</param>
    /// <exception cref="StaleVersionException">An input layer changed since <paramref name="inputVersion"/>; nothing was written.</exception>
    void WriteDerived(long inputVersion, Action<ILayerSink> write, CancellationToken ct = default);

    /// <summary>The data version a result layer was computed from, when it was written by <see cref="WriteDerived"/>; otherwise null.</summary>
    long? DerivedVersion(string table);

    /// <summary>Named scenarios, newest first (changes not loaded).</summary>
    IReadOnlyList<Scenario> ListScenarios();

    /// <summary>A scenario with its changes, or null.</summary>
    Scenario? ReadScenario(string name);

    /// <summary>Creates or replaces a scenario (one transaction).</summary>
    /// <param name="scenario">The scenario; its name must be non-empty and at most <see cref="Scenario.MaxNameLength"/> characters.</param>
    /// <param name="overwrite">False to refuse an existing name.</param>
    /// <exception cref="Core.Messages.ReasonException">Bad name, or the name exists and <paramref name="overwrite"/> is false.</exception>
    void SaveScenario(Scenario scenario, bool overwrite);

    /// <summary>Deletes a scenario, with its audit line (<c>scenario_delete</c>); false when there is none of that name.</summary>
    /// <param name="name">The scenario.</param>
    /// <param name="author">Who deletes it (audit), or null when unknown.</param>
    bool DeleteScenario(string name, string? author = null);

    /// <summary>A stored result (serialised analysis, plan…) with the key of the inputs it was computed from, or null.</summary>
    StoredResult? ReadResult(string name);

    /// <summary>Stores a result (replacing the previous one of that name).</summary>
    void WriteResult(string name, string inputKey, ReadOnlySpan<byte> payload);

    /// <summary>Adds a line to the audit table (who, what, counts).</summary>
    void Audit(string? author, string action, string target, string? detail);

    /// <summary>Where the road graph is kept: files beside a GeoPackage (<c>P.roads.graph</c>, <c>P.roads.ch</c>), a table of the PostGIS schema.</summary>
    string RoadGraphLocation { get; }

    /// <summary>The project's road graph with its contraction hierarchy when a matching one is stored, or null when none was built.</summary>
    RoadGraph? LoadRoadGraph();

    /// <summary>Stores the road graph (and its attached hierarchy) in place of the previous one, atomically.</summary>
    void SaveRoadGraph(RoadGraph graph, CancellationToken ct = default);

    /// <summary>The audit table, newest first.</summary>
    /// <param name="limit">At most this many lines (null: all).</param>
    IReadOnlyList<AuditEntry> ReadAudit(int? limit = null);

    /// <summary>The local accounts, by name (empty when none).</summary>
    IReadOnlyList<ProjectUser> ListUsers();

    /// <summary>The account of that name (any case), or null.</summary>
    ProjectUser? ReadUser(string name);

    /// <summary>Creates or replaces an account, in one transaction with its audit line (<c>user_add</c> or <c>user_change</c>).</summary>
    /// <param name="user">The account; its name is checked by <see cref="UserNames.Check"/>.</param>
    /// <param name="actor">Who makes the change (audit).</param>
    /// <param name="overwrite">False to refuse an existing name.</param>
    /// <exception cref="Core.Messages.ReasonException">Bad name, or the name exists and <paramref name="overwrite"/> is false.</exception>
    void SaveUser(ProjectUser user, string? actor, bool overwrite);

    /// <summary>Removes an account with its audit line (<c>user_remove</c>); false when there is none of that name.</summary>
    bool DeleteUser(string name, string? actor);
}
