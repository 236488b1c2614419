namespace Territory.Core.Caretaking;

/// <summary>The legal text the caretaking check refers to, as cited in every output.</summary>
public static class CaretakingRule
{
    /// <summary>French citation shown with each flagged ensemble.</summary>
    public const string Citation =
        "Obligation de gardiennage ou de surveillance : art. L271-1 du Code de la sécurité intérieure " +
        "(ancien art. L127-1 du CCH) et ses dispositions réglementaires (anciens art. R127-1 et R127-2 du CCH, " +
        "décret n° 2001-1361 du 28 décembre 2001, reprises au Code de la sécurité intérieure) : bailleur gérant au moins " +
        "100 logements locatifs dans un immeuble ou groupe d'immeubles collectifs formant un ensemble, situé en quartier " +
        "prioritaire ou dans une commune de plus de 25 000 habitants (autres cas urbains non évalués ici) ; au moins une " +
        "personne à temps plein ou équivalent par tranche de 100 logements.";

    /// <summary>French disclaimer: the product flags, the user interprets.</summary>
    public const string Disclaimer =
        "Repérage indicatif : la constitution des ensembles est approchée par la distance entre programmes, et " +
        "l'interprétation juridique (périmètre de l'ensemble, aire urbaine, emplois admis) relève de l'organisme.";
}
