namespace Territory.Core.Model;

/// <summary>The input layers a project holds; <see cref="LayerKinds.Code"/> is the table name.</summary>
public enum LayerKind
{
    /// <summary>Estates (patrimoine).</summary>
    Estates,
    /// <summary>Agencies and other presence points.</summary>
    Agencies,
    /// <summary>Communes.</summary>
    Communes,
    /// <summary>Priority districts.</summary>
    Qpv,
    /// <summary>Candidate sites for new presence points (town halls, France Services, premises on offer).</summary>
    Candidates,
}

/// <summary>Stable codes of <see cref="LayerKind"/> (<c>--as</c> values, table names, API).</summary>
public static class LayerKinds
{
    /// <summary>Every input layer, in import order of a new project (references first).</summary>
    public static IReadOnlyList<LayerKind> All { get; } = [LayerKind.Communes, LayerKind.Qpv, LayerKind.Agencies, LayerKind.Estates, LayerKind.Candidates];

    /// <summary>Stable code: <c>estates</c>, <c>agencies</c>, <c>communes</c>, <c>qpv</c>, <c>candidates</c>.</summary>
    public static string Code(this LayerKind kind) => kind switch
    {
        LayerKind.Estates => "estates",
        LayerKind.Agencies => "agencies",
        LayerKind.Communes => "communes",
        LayerKind.Qpv => "qpv",
        LayerKind.Candidates => "candidates",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Kind from its code; false when unknown.</summary>
    public static bool TryParse(string? code, out LayerKind kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(k.Code(), code, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }
        kind = LayerKind.Estates;
        return false;
    }
}
