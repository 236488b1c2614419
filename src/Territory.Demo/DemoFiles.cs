namespace Territory.Demo;

/// <summary>What <see cref="DemoProjectWriter.Write"/> produced.</summary>
/// <param name="Project">Path of the project GeoPackage.</param>
/// <param name="Roads">Path of the OSM PBF road network.</param>
/// <param name="Estates">Estates written.</param>
/// <param name="Dwellings">Dwellings over all estates.</param>
/// <param name="Agencies">Agencies and other presence points written.</param>
/// <param name="Communes">Communes written.</param>
/// <param name="Districts">Priority districts (QPV) written.</param>
public sealed record DemoFiles(string Project, string Roads, int Estates, int Dwellings, int Agencies, int Communes, int Districts);
