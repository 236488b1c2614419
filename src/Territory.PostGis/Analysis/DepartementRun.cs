namespace Territory.PostGis.Analysis;

/// <summary>The analysis of one département, computed now or reused from the store.</summary>
/// <param name="Departement">The département code (lower case: <c>31</c>, <c>2a</c>, <c>971</c>; empty for estates without a known commune).</param>
/// <param name="Reused">True when its inputs had not changed: the stored result was kept.</param>
/// <param name="InputKey">The hash of its inputs (estates, communes, QPV and agencies of the département, configuration, road graph).</param>
/// <param name="Estates">Estates analysed.</param>
/// <param name="Dwellings">Their dwellings.</param>
/// <param name="Territories">Territories typed.</param>
/// <param name="Types">Territories per type code.</param>
/// <param name="CaretakingEnsembles">Ensembles checked for the caretaking obligation.</param>
/// <param name="TravelEstimated">True when travel times were straight-line estimates (no road graph).</param>
/// <param name="Seconds">Time spent on it now (0 when reused).</param>
public sealed record DepartementRun(
    string Departement,
    bool Reused,
    string InputKey,
    int Estates,
    long Dwellings,
    int Territories,
    IReadOnlyDictionary<string, int> Types,
    int CaretakingEnsembles,
    bool TravelEstimated,
    double Seconds);
