using Territory.IO.Layers;
using static Territory.IO.Layers.ColumnType;

namespace Territory.Store;

/// <summary>The store's own tables beside the layers: layer revisions, stored results, scenarios, audit, users.</summary>
/// <remarks>Names and columns are the same in a GeoPackage and in a PostGIS schema.</remarks>
public static class StoreTables
{
    /// <summary>One row per input layer: its revision, row count, source, and the previous version kept for undo.</summary>
    public static readonly LayerDefinition Layers = LayerDefinition.Attributes("territory_layers",
    [
        new("layer", Text, true), new("revision", Integer, true), new("rows", Integer, true), new("source", Text), new("written_at", Text, true),
        new("previous_rows", Integer), new("previous_source", Text),
    ]) with { Description = "Territory: revision of each input layer and the version an undo restores" };

    /// <summary>Stored results with the key of their inputs.</summary>
    public static readonly LayerDefinition Results = LayerDefinition.Attributes("territory_results",
    [
        new("name", Text, true), new("input_key", Text, true), new("data_version", Integer, true), new("written_at", Text, true), new("payload", Blob),
    ]) with { Description = "Territory: stored results (analysis, plans) and the inputs they come from" };

    /// <summary>Named scenarios.</summary>
    public static readonly LayerDefinition Scenarios = LayerDefinition.Attributes("scenarios",
    [
        new("name", Text, true), new("author", Text), new("description", Text), new("source", Text, true), new("shared", ColumnType.Boolean, true),
        new("base_version", Integer, true), new("created_at", Text, true), new("updated_at", Text, true),
    ]) with { Description = "Scénarios nommés du réseau de présence" };

    /// <summary>The changes of each scenario (points: where the point is after the change; none for a closure).</summary>
    public static LayerDefinition ScenarioChanges(int srid) => new("scenario_changes", "POINT", srid,
    [
        new("scenario", Text, true), new("seq", Integer, true), new("op", Text, true), new("agency_id", Text, true), new("name", Text),
        new("kind", Text, true), new("staff", Integer), new("site_staff", Integer),
    ]) { Description = "Modifications des scénarios (ajouts, déplacements, fermetures)" };

    /// <summary>Who did what, when, with counts.</summary>
    public static readonly LayerDefinition AuditLog = LayerDefinition.Attributes("territory_audit",
    [
        new("at", Text, true), new("author", Text), new("action", Text, true), new("target", Text), new("detail", Text),
    ]) with { Description = "Territory: journal des imports, enregistrements et changements d'utilisateurs" };

    /// <summary>Local accounts of the project's server: name, role, password hash (ASP.NET Core's format, never the password).</summary>
    public static readonly LayerDefinition Users = LayerDefinition.Attributes("territory_users",
    [
        new("name", Text, true), new("role", Text, true), new("password_hash", Text, true), new("created_at", Text, true), new("updated_at", Text, true),
    ]) with { Description = "Territory: comptes locaux du serveur de la carte" };

    /// <summary>Suffix of the table that keeps an input layer's previous version (not registered as a layer: GIS tools do not list it).</summary>
    public const string PreviousSuffix = "__previous";
}
