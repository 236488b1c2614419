using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>
/// The target field names a mapping file uses (<c>{"dwellings":"NB_LGT","id":"code_prog"}</c>) and
/// the source column names recognised for each, per layer kind.
/// </summary>
/// <remarks>
/// Column names are compared case- and accent-insensitively, with spaces, dots and dashes read as
/// underscores; the first candidate present wins. Coordinates (<c>x</c>, <c>y</c>, <c>lon</c>,
/// <c>lat</c>, <c>wkt</c>) are only used when the row has no native geometry (CSV).
/// </remarks>
public static class TargetFields
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Landlord = "landlord";
    public const string Dwellings = "dwellings";
    public const string Housing = "housing";
    public const string ConstructionYear = "construction_year";
    public const string CommuneCode = "commune_code";
    public const string QpvCode = "qpv_code";
    public const string AgencyId = "agency_id";
    public const string Kind = "kind";
    public const string Staff = "staff";
    public const string SiteStaff = "site_staff";
    public const string Accueil = "accueil";
    public const string PerimeterModel = "perimeter_model";
    public const string Population = "population";
    public const string Area = "area";
    public const string DensityLevel = "density_level";
    /// <summary>Arrondissement number of Paris, Lyon or Marseille (with <see cref="City"/>): gives the INSEE code when none is given.</summary>
    public const string Arrondissement = "arrondissement";
    /// <summary>City name, read with <see cref="Arrondissement"/>.</summary>
    public const string City = "city";
    /// <summary>Urban area (aire urbaine or aire d'attraction des villes) code of a commune, for the caretaking rule.</summary>
    public const string UrbanArea = "urban_area";
    /// <summary>Population of a commune's urban area.</summary>
    public const string UrbanAreaPopulation = "urban_area_population";
    /// <summary>Dwellings a candidate site can serve at most.</summary>
    public const string Capacity = "capacity";
    /// <summary>Yearly cost of a candidate site, euros.</summary>
    public const string YearlyCost = "yearly_cost";
    public const string X = "x";
    public const string Y = "y";
    public const string Longitude = "lon";
    public const string Latitude = "lat";
    public const string Wkt = "wkt";

    private static readonly string[] Coordinates =
    [
        X, Y, Longitude, Latitude, Wkt,
    ];

    private static readonly Dictionary<string, string[]> Common = new()
    {
        [X] = ["x", "coord_x_l93", "coord_x", "x_l93", "xl93", "x_lambert93", "xcoord", "easting"],
        [Y] = ["y", "coord_y_l93", "coord_y", "y_l93", "yl93", "y_lambert93", "ycoord", "northing"],
        [Longitude] = ["lon", "lng", "long", "longitude", "longitude_wgs84", "x_wgs84"],
        [Latitude] = ["lat", "latitude", "latitude_wgs84", "y_wgs84"],
        [Wkt] = ["wkt", "geom", "geometry", "the_geom", "geometrie"],
    };

    private static readonly Dictionary<LayerKind, Dictionary<string, string[]>> ByKind = new()
    {
        [LayerKind.Estates] = new()
        {
            [Id] = ["id", "n_livraison", "matricule", "code_programme", "code_prog", "id_programme", "numero_programme", "identifiant", "code_groupe",
                "num_groupe", "code_ensemble", "num_ensemble", "code_residence", "id_residence"],
            // Without a name column, the programme's address names it (the Paris open-data programmes have no name).
            [Name] = ["nom", "name", "nom_programme", "nom_du_programme", "nom_residence", "nom_de_la_residence", "residence", "libelle", "libelle_programme",
                "nom_groupe", "nom_ensemble", "designation", "adresse_programme", "adresse", "adresse_complete"],
            [Landlord] = ["bailleur", "bs", "organisme", "landlord", "bailleur_social", "nom_bailleur", "denomination", "raison_sociale", "organisme_hlm"],
            [Dwellings] = ["nb_logements", "nb_logmt_total", "logements", "nb_lgt", "nb_logts", "nb_log", "nblog", "dwellings", "nombre_logements",
                "nombre_de_logements", "nb_logements_total", "nb_lgts", "nblgt"],
            [Housing] = ["typeconst", "type_construction", "type_de_construction", "type_habitat", "collectif", "type", "housing"],
            // RPLS CONSTRUCT; in the Paris open data « annee » is the year the programme was financed.
            [ConstructionYear] = ["construct", "annee_construction", "annee_de_construction", "annee_constr", "construction_year", "annee_livraison",
                "annee_mise_en_service", "annee"],
            [CommuneCode] = ["depcom", "code_insee", "insee", "insee_com", "code_commune", "c_arinsee", "commune_code", "codgeo", "code_insee_commune", "insee_commune"],
            [QpvCode] = ["code_qp", "code_quartier", "code_qpv", "qpv"],
            [AgencyId] = ["agence", "code_agence", "agency", "agency_id"],
            [Arrondissement] = ["arrdt", "arrondissement", "ardt", "arr"],
            [City] = ["ville", "commune", "nom_commune", "lib_com", "libcom", "city"],
            // Site staff working on the estate (FTE), when the source gives it per estate or ensemble.
            [SiteStaff] = ["gardiens", "nb_gardiens", "etp_gardiens", "etp_gardiennage", "gardiens_etp", "personnel_site", "etp_site", "site_staff"],
        },
        [LayerKind.Agencies] = new()
        {
            [Id] = ["id", "matricule", "code_agence", "identifiant", "code"],
            [Name] = ["nom", "name", "lib_france_services", "libelle", "nom_agence", "nom_du_point", "libelle_point", "adresse"],
            [Landlord] = ["bailleur", "bs", "organisme", "landlord"],
            [Kind] = ["kind", "type", "type_implantation", "nature", "categorie"],
            [Staff] = ["effectif", "collaborateurs", "nb_collaborateurs", "staff"],
            [SiteStaff] = ["gardiens", "nb_gardiens", "personnel_proximite", "site_staff"],
            [Accueil] = ["accueil", "modes_accueil", "modes_d_accueil", "mode_d_accueil", "mode_accueil", "accueil_modes"],
            [PerimeterModel] = ["modele_perimetre", "perimetre_modele", "perimeter_model", "modele", "perimetre"],
            [CommuneCode] = ["depcom", "code_insee", "insee", "insee_com", "code_commune", "c_arinsee", "commune_code"],
        },
        [LayerKind.Communes] = new()
        {
            [Id] = ["code", "code_insee", "insee", "insee_com", "depcom", "code_commune", "c_arinsee", "id"],
            [Name] = ["nom", "name", "nom_commune", "nom_standard", "libelle", "l_ar", "lib_com"],
            [Population] = ["population", "pop", "ptot", "pmun", "pop_mun"],
            [Area] = ["superficie_km2", "area_km2", "surface_km2", "superficie_hectare", "superficie_ha", "surface_ha", "superficie_m2", "surface_m2", "superficie", "surface", "area", "aire"],
            [DensityLevel] = ["grille_densite", "densite_niveau", "niveau_densite", "density_level"],
            [UrbanArea] = ["aire_urbaine", "code_aire_urbaine", "au2010", "aav2020", "code_aav", "aire_attraction", "urban_area"],
            [UrbanAreaPopulation] = ["population_aire_urbaine", "pop_aire_urbaine", "pop_au", "population_aav", "urban_area_population"],
        },
        [LayerKind.Qpv] = new()
        {
            [Id] = ["code_qp", "code_quartier", "code_qpv", "code", "id"],
            [Name] = ["nom_qp", "nom", "name", "nom_quartier", "libelle"],
            [CommuneCode] = ["code_commune", "insee_com", "code_insee", "depcom", "insee"],
        },
        [LayerKind.Candidates] = new()
        {
            [Id] = ["id", "identifiant", "matricule", "code", "code_site"],
            [Name] = ["nom", "name", "lib_france_services", "libelle", "nom_site"],
            // Free text kept as is (« mairie », « France Services », « local »): what the site is, not a presence kind.
            [Kind] = ["kind", "type", "nature", "categorie", "type_lieu"],
            [Capacity] = ["capacite", "capacite_logements", "capacity"],
            [YearlyCost] = ["cout_annuel", "cout", "loyer_annuel", "yearly_cost", "cost"],
            [CommuneCode] = ["insee_com", "code_insee", "depcom", "code_commune", "insee", "commune_code"],
        },
    };

    /// <summary>The target fields of a layer kind, coordinates included.</summary>
    public static IEnumerable<string> For(LayerKind kind) => ByKind[kind].Keys.Concat(Coordinates);

    internal static bool IsCoordinate(string target) => Array.IndexOf(Coordinates, target) >= 0;

    // A centre point (« latitude_centre ») places an estate or an agency; a commune or a QPV needs its polygon.
    private static readonly Dictionary<string, string[]> Centres = new()
    {
        [Longitude] = ["longitude_centre", "lon_centre", "longitude_centroide"],
        [Latitude] = ["latitude_centre", "lat_centre", "latitude_centroide"],
    };

    internal static IEnumerable<KeyValuePair<string, string[]>> CandidatesFor(LayerKind kind) =>
        kind is LayerKind.Estates or LayerKind.Agencies
            ? ByKind[kind].Concat(Common.Select(c => Centres.TryGetValue(c.Key, out var more) ? new KeyValuePair<string, string[]>(c.Key, [.. c.Value, .. more]) : c))
            : ByKind[kind].Concat(Common);
}
