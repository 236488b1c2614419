using Territory.IO.Layers;

namespace Territory.IO.Export;

/// <summary>The language of the field and layer names in exported files (<c>--field-names fr|en</c>); French by default.</summary>
public enum FieldNames
{
    /// <summary>French names (<c>logements</c>, <c>type_libelle</c>, <c>territoires</c>): the default of every export.</summary>
    Fr,
    /// <summary>The project's own English names (<c>dwellings</c>, <c>type_label</c>, <c>territories</c>).</summary>
    En,
}

/// <summary>
/// French names of the fields and layers the project stores in English, for exported files that people open in
/// QGIS or Excel. A name missing here is kept as it is (a field added later is exported, never dropped).
/// </summary>
public static class ExportFieldNames
{
    private static readonly Dictionary<string, string> French = new(StringComparer.Ordinal)
    {
        ["territory_id"] = "id_territoire", ["name"] = "nom", ["kind"] = "nature", ["commune_code"] = "code_commune", ["qpv_code"] = "code_qpv",
        ["type_label"] = "type_libelle", ["runner_up"] = "second_type", ["margin"] = "ecart", ["dwellings"] = "logements", ["estates"] = "programmes",
        ["collective_share"] = "part_collectif", ["qpv_dwellings"] = "logements_qpv", ["qpv_share"] = "part_qpv", ["density_level"] = "niveau_densite",
        ["density_estimated"] = "densite_estimee", ["mean_travel_min"] = "trajet_moyen_min", ["max_travel_min"] = "trajet_max_min",
        ["travel_estimated"] = "trajet_estime", ["landlords"] = "nb_bailleurs", ["site_agents"] = "agents_site_etp",
        ["dwellings_per_site_agent"] = "logements_par_agent", ["caretaker_required_fte"] = "gardiennage_etp_requis", ["rule"] = "regle",
        ["reasons"] = "raisons", ["rank"] = "rang", ["form"] = "forme", ["reason"] = "motif",
        ["from_context"] = "du_contexte", ["ensemble_id"] = "id_ensemble", ["landlord"] = "bailleur", ["collective_dwellings"] = "logements_collectifs",
        ["qpv_codes"] = "codes_qpv", ["commune_population"] = "population_commune", ["applies"] = "soumis", ["ground"] = "motif_obligation",
        ["required_fte"] = "etp_requis", ["declared_fte"] = "etp_declares", ["estate_id"] = "id_programme", ["agency_id"] = "id_agence",
        ["staff"] = "collaborateurs", ["site_staff"] = "gardiens", ["dwellings_per_estate"] = "logements_par_programme",
        ["nearby_landlord_dwellings"] = "logements_bailleur_rayon", ["site_agents_fte"] = "agents_site_etp",
        ["own_dwellings"] = "logements_organisme", ["district_dwellings"] = "logements_quartier", ["plan_actions"] = "actions_plan",
        ["stakes"] = "enjeux", ["context"] = "contexte", ["needed_site_fte"] = "etp_site_besoin", ["declared_site_fte"] = "etp_site_declares",
        ["needed_proximity_fte"] = "etp_proximite_besoin", ["declared_proximity_fte"] = "etp_proximite_declares",
        ["drive_hours_per_week"] = "heures_trajet_semaine", ["gap_fte"] = "ecart_etp", ["caretaking_status"] = "gardiennage_statut",
        ["caretaking_required_fte"] = "gardiennage_etp_requis", ["caretaking_declared_fte"] = "gardiennage_etp_declares",
        ["caretaking_deficit_fte"] = "gardiennage_etp_manquants", ["caretaking_to_check_dwellings"] = "gardiennage_logements_a_verifier",
        ["caretaking_not_assessable_dwellings"] = "gardiennage_logements_non_evaluables", ["territory_name"] = "nom_territoire",
        ["form_label"] = "forme_libelle", ["status"] = "statut", ["status_label"] = "statut_libelle", ["trigger"] = "declencheur",
        ["trigger_label"] = "declencheur_libelle", ["trigger_value"] = "declencheur_valeur", ["trigger_threshold"] = "declencheur_seuil",
        ["quantity"] = "quantite", ["unit"] = "unite", ["quantity_label"] = "quantite_libelle", ["dwellings_concerned"] = "logements_concernes",
        ["point_id"] = "id_point", ["legal"] = "obligation_legale", ["own"] = "organisme", ["housing_known"] = "type_construction_connu",
        ["legal_case"] = "cas_legal", ["agency_cover_fte"] = "etp_agence_couverture", ["deficit_fte"] = "etp_manquants", ["level"] = "niveau",
        ["drive_fte"] = "etp_trajet", ["drive_estimated"] = "trajet_estime", ["needed_fte"] = "etp_besoin",
        ["unlocated_site_fte"] = "etp_site_non_localises", ["flags"] = "alertes",
        // Layers.
        [AnalysisLayers.Territories] = "territoires", [AnalysisLayers.Ensembles] = "ensembles_gardiennage", [AnalysisLayers.Plan] = "plan_presence",
        [AnalysisLayers.Staff] = "moyens_besoins",
    };

    /// <summary>The name of a field or layer in <paramref name="names"/>.</summary>
    public static string Of(string name, FieldNames names) =>
        names == FieldNames.Fr && French.TryGetValue(name, out var fr) ? fr : name;

    /// <summary>Parses <c>fr</c> or <c>en</c>.</summary>
    public static FieldNames Parse(string? value) => string.Equals(value, "en", StringComparison.OrdinalIgnoreCase) ? FieldNames.En : FieldNames.Fr;

    /// <summary>A sink that writes every layer with its names in <paramref name="names"/>.</summary>
    public static ILayerSink Renaming(ILayerSink inner, FieldNames names) => names == FieldNames.En ? inner : new RenamingSink(inner);

    private sealed class RenamingSink(ILayerSink inner) : ILayerSink
    {
        public long WriteLayer(LayerDefinition layer, bool append, Action<ILayerWriter> fill, CancellationToken ct = default) =>
            inner.WriteLayer(layer with
            {
                Name = Of(layer.Name, FieldNames.Fr),
                Columns = layer.Columns.Select(c => c with { Name = Of(c.Name, FieldNames.Fr) }).ToList(),
            }, append, fill, ct);

        public bool HasLayer(string table) => inner.HasLayer(Of(table, FieldNames.Fr));

        public List<StoredFeature> ReadFeatures(string table) => inner.ReadFeatures(Of(table, FieldNames.Fr));
    }
}
