using NetTopologySuite.Geometries;

namespace Territory.Store;

/// <summary>One row of a table as <see cref="IProjectTables"/> moves it: geometry (null for attribute tables) and column values.</summary>
/// <param name="Geometry">The geometry in the table's CRS, or null.</param>
/// <param name="Values">Values in the order of the definition's columns: long, double, string, byte[] or null.</param>
public readonly record struct TableRow(Geometry? Geometry, object?[] Values);
