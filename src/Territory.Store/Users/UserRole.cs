namespace Territory.Store.Users;

/// <summary>What a user of the organisation's server may do; each role includes the ones below it.</summary>
public enum UserRole
{
    /// <summary><c>lecture</c>: view the map and the analyses, export.</summary>
    Lecture = 1,

    /// <summary><c>planification</c>: also edit and keep their own scenarios and plans.</summary>
    Planification = 2,

    /// <summary><c>administration</c>: also import, save a scenario as the reference network, manage users.</summary>
    Administration = 3,
}
