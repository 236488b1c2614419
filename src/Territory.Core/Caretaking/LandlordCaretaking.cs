namespace Territory.Core.Caretaking;

/// <summary>One landlord's caretaking obligation in a territory (or over the whole project): its own, never added to another's.</summary>
/// <param name="Landlord">Landlord (empty when the source gives none).</param>
/// <param name="Own">True for the organisation the analysis speaks of.</param>
/// <param name="Status">Applies when any of its ensembles there applies, else to check, else not assessable, else not applicable.</param>
/// <param name="RequiredFte">Required FTE of its ensembles (their share of dwellings there).</param>
/// <param name="DeclaredFte">Declared FTE: on site, plus the managing office's unlocated staff allotted to the requirement.</param>
/// <param name="DeficitFte">Requirement not covered.</param>
/// <param name="CoverFte">Part of <paramref name="DeclaredFte"/> that is the managing office's unlocated site staff (to be located).</param>
/// <param name="ToCheckDwellings">Collective dwellings in ensembles « à vérifier ».</param>
/// <param name="NotAssessableDwellings">Dwellings whose construction type is unknown (« non évaluable »).</param>
/// <param name="Ensembles">Ensembles counted (with an estate there).</param>
/// <param name="EnsemblesInDeficit">Of which the rule applies and the staff falls short.</param>
public sealed record LandlordCaretaking(
    string Landlord,
    bool Own,
    CaretakingStatus Status,
    double RequiredFte,
    double DeclaredFte,
    double DeficitFte,
    double CoverFte,
    int ToCheckDwellings,
    int NotAssessableDwellings,
    int Ensembles,
    int EnsemblesInDeficit);
