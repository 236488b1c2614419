using NetTopologySuite.Geometries;
using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>Turns accepted rows into the domain records of an <see cref="ImportResult"/>.</summary>
internal static class ResultBuilder
{
    public static ImportResult Build(LayerKind kind, string path, int sourceCrs, int targetCrs, int read,
        List<MappedRow> rows, IReadOnlyList<ImportIssue> issues, IReadOnlyDictionary<string, string> mapping)
    {
        var result = new ImportResult
        {
            Kind = kind,
            SourcePath = path,
            SourceCrs = sourceCrs,
            TargetCrs = targetCrs,
            Read = read,
            Issues = issues,
            Mapping = mapping,
        };
        var factory = new GeometryFactory(new PrecisionModel(), targetCrs);
        Geometry GeometryOf(MappedRow r) => r.Geometry ?? factory.CreatePoint(new Coordinate(r.X, r.Y));
        return kind switch
        {
            LayerKind.Estates => result with { Estates = rows.ConvertAll(r => Estate(r, GeometryOf(r))) },
            LayerKind.Agencies => result with { Agencies = rows.ConvertAll(r => Agency(r, (Point)GeometryOf(r))) },
            LayerKind.Communes => result with { Communes = rows.ConvertAll(Commune) },
            LayerKind.Candidates => result with { Candidates = rows.ConvertAll(r => Candidate(r, (Point)GeometryOf(r))) },
            _ => result with { Districts = rows.ConvertAll(District) },
        };
    }

    internal static Estate Estate(MappedRow r, Geometry geometry) => new()
    {
        Id = r.Id!,
        Name = r.Name,
        Landlord = r.Landlord,
        Geometry = geometry,
        Dwellings = r.Dwellings,
        Housing = r.Housing,
        ConstructionYear = r.ConstructionYear,
        CommuneCode = r.CommuneCode,
        QpvCode = r.QpvCode,
        AgencyId = r.AgencyId,
        SiteStaffFte = r.SiteStaffFte,
    };

    private static Agency Agency(MappedRow r, Point location) => new()
    {
        Id = r.Id!,
        Name = r.Name,
        Kind = r.AgencyKind,
        Landlord = r.Landlord,
        Location = location,
        Staff = r.Staff,
        SiteStaff = r.SiteStaff,
        Accueil = r.Accueil,
        PerimeterModel = r.PerimeterModel,
        CommuneCode = r.CommuneCode,
    };

    private static Candidate Candidate(MappedRow r, Point location) => new()
    {
        Id = r.Id!,
        Name = r.Name,
        Kind = r.SiteKind,
        Location = location,
        Capacity = r.Capacity,
        YearlyCost = r.YearlyCost,
        CommuneCode = r.CommuneCode,
    };

    private static Commune Commune(MappedRow r) => new()
    {
        Code = r.Id!,
        Name = r.Name,
        Population = r.Population,
        AreaKm2 = r.AreaKm2,
        DensityLevel = r.DensityLevel,
        UrbanAreaCode = r.UrbanArea,
        UrbanAreaPopulation = r.UrbanAreaPopulation,
        Geometry = r.Geometry!,
    };

    private static PriorityDistrict District(MappedRow r) => new()
    {
        Code = r.Id!,
        Name = r.Name,
        CommuneCode = r.CommuneCode,
        Geometry = r.Geometry!,
    };
}
