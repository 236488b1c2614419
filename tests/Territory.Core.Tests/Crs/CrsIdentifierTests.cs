using Territory.Core.Crs;

namespace Territory.Core.Tests.Crs;

public sealed class CrsIdentifierTests
{
    [Theory]
    [InlineData("EPSG:2154", 2154)]
    [InlineData("2154", 2154)]
    [InlineData("urn:ogc:def:crs:EPSG::2154", 2154)]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84", 4326)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/27572", 27572)]
    public void ParseName_KnownForms_ReturnsEpsg(string text, int expected) =>
        Assert.Equal(expected, CrsIdentifier.ParseName(text));

    [Theory]
    [InlineData("")]
    [InlineData("Lambert 93")]
    [InlineData("IGNF:LAMB93")]
    public void ParseName_NoEpsgCode_ReturnsNull(string text) => Assert.Null(CrsIdentifier.ParseName(text));

    [Fact]
    public void FromWkt_GdalWktOfEpsg27572_ReturnsLambert2Etendu()
    {
        // projinfo EPSG:27572 -o WKT1_GDAL (PROJ 9), newlines removed.
        const string wkt = "PROJCS[\"NTF (Paris) / Lambert zone II\",GEOGCS[\"NTF (Paris)\",DATUM[\"Nouvelle_Triangulation_Francaise_Paris\",SPHEROID[\"Clarke 1880 (IGN)\",6378249.2,293.466021293627,AUTHORITY[\"EPSG\",\"7011\"]],AUTHORITY[\"EPSG\",\"6807\"]],PRIMEM[\"Paris\",2.33722917,AUTHORITY[\"EPSG\",\"8903\"]],UNIT[\"grad\",0.0157079632679489,AUTHORITY[\"EPSG\",\"9105\"]],AUTHORITY[\"EPSG\",\"4807\"]],PROJECTION[\"Lambert_Conformal_Conic_1SP\"],PARAMETER[\"latitude_of_origin\",52],PARAMETER[\"central_meridian\",0],PARAMETER[\"scale_factor\",0.99987742],PARAMETER[\"false_easting\",600000],PARAMETER[\"false_northing\",2200000],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"27572\"]]";
        Assert.Equal(CrsRegistry.Lambert2Etendu, CrsIdentifier.FromWkt(wkt));
    }

    [Fact]
    public void FromWkt_EsriLambert93Prj_ReturnsLambert93()
    {
        const string prj = "PROJCS[\"RGF_1993_Lambert_93\",GEOGCS[\"GCS_RGF_1993\",DATUM[\"D_RGF_1993\",SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"False_Easting\",700000.0],PARAMETER[\"False_Northing\",6600000.0],PARAMETER[\"Central_Meridian\",3.0],PARAMETER[\"Standard_Parallel_1\",49.0],PARAMETER[\"Standard_Parallel_2\",44.0],PARAMETER[\"Latitude_Of_Origin\",46.5],UNIT[\"Meter\",1.0]]";
        Assert.Equal(CrsRegistry.Lambert93, CrsIdentifier.FromWkt(prj));
    }

    [Theory]
    [InlineData("PROJCS[\"RGAF09_UTM_Zone_20N\",GEOGCS[\"GCS_RGAF09\",DATUM[\"D_RGAF09\",SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"Central_Meridian\",-63.0]]", 5490)]
    [InlineData("PROJCS[\"RGR92_UTM_zone_40S\",GEOGCS[\"RGR92\"],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"central_meridian\",57]]", 2975)]
    [InlineData("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]", 4326)]
    public void FromWkt_OverseasAndGeographic_Recognised(string wkt, int expected) =>
        Assert.Equal(expected, CrsIdentifier.FromWkt(wkt));

    [Fact]
    public void FromWkt_WebMercator_ReturnsNull() =>
        Assert.Null(CrsIdentifier.FromWkt("PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS[\"GCS_WGS_1984\"],PROJECTION[\"Mercator_Auxiliary_Sphere\"],PARAMETER[\"False_Easting\",0.0]]"));
}
