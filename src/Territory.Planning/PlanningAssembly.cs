namespace Territory.Planning;

/// <summary>Network planning: location-allocation of presence points and the mobile agency's rounds.</summary>
/// <remarks>References OR-Tools; Core stays free of it.</remarks>
internal static class PlanningAssembly;
