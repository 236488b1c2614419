namespace Territory.Core.Model;

/// <summary>Kind of construction of an estate, after RPLS <c>TYPECONST</c>.</summary>
public enum HousingKind
{
    /// <summary>Not given by the source.</summary>
    Unknown = 0,
    /// <summary>Logement collectif (TYPECONST = C).</summary>
    Collective = 1,
    /// <summary>Logement individuel (TYPECONST = I).</summary>
    Individual = 2,
    /// <summary>Logement étudiant (TYPECONST = E), collective in practice.</summary>
    Student = 3,
}
