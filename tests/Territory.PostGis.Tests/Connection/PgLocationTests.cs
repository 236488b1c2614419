using Territory.Core.Messages;
using Territory.PostGis.Connection;

namespace Territory.PostGis.Tests.Connection;

public sealed class PgLocationTests
{
    [Fact]
    public void Parse_FullUri_KeepsEveryPartAndNeverShowsThePassword()
    {
        var location = PgLocation.Parse("postgresql://geomatique:s%40cret@db.example.org:6432/patrimoine?schema=habitat_31&sslmode=require");

        Assert.Equal(("db.example.org", 6432, "patrimoine", "geomatique", "s@cret", "habitat_31"),
            (location.Host, location.Port, location.Database, location.User, location.Password, location.Schema));
        Assert.Equal("postgresql://geomatique@db.example.org:6432/patrimoine?schema=habitat_31&sslmode=require", location.Display);
        Assert.DoesNotContain("cret", location.Display, StringComparison.Ordinal);
        Assert.Contains("Password=s@cret", location.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoPasswordNoPort_DefaultPortAndNoPasswordInConnectionString()
    {
        // libpq's rules then apply through Npgsql: PGPASSWORD, then PGPASSFILE or ~/.pgpass.
        var location = PgLocation.Parse("postgres://alice@localhost/territoire?schema=p1");

        Assert.Equal(5432, location.Port);
        Assert.Null(location.Password);
        Assert.DoesNotContain("Password", location.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TableLocation_SchemaAndTable()
    {
        var location = PgLocation.Parse("postgresql://u@h:5432/db?table=si.programmes");
        Assert.Equal(("si", "programmes"), (location.TableSchema, location.Table));
        Assert.Equal(("public", "batiments"), (PgLocation.Parse("postgresql://u@h/db?table=batiments").TableSchema, PgLocation.Parse("postgresql://u@h/db?table=batiments").Table));
    }

    [Theory]
    [InlineData("semicolon", "postgresql://u@h/db?schema=p;DROP%20SCHEMA%20public")]
    [InlineData("quote", "postgresql://u@h/db?schema=p%22%3B%20DROP%20TABLE%20x%3B--")]
    [InlineData("upper case", "postgresql://u@h/db?schema=Projet")]
    [InlineData("space", "postgresql://u@h/db?schema=mon%20projet")]
    [InlineData("leading digit", "postgresql://u@h/db?schema=31projet")]
    [InlineData("table injection", "postgresql://u@h/db?table=public.t%3Bdelete%20from%20x")]
    [InlineData("dotted table", "postgresql://u@h/db?table=a.b.c")]
    public void Parse_BadIdentifier_Refused(string because, string uri)
    {
        var error = Assert.Throws<ReasonException>(() => PgLocation.Parse(uri));
        Assert.True(error.Reason.Code == "postgis_identifier_invalid", because);
    }

    [Theory]
    [InlineData("postgresql://u:pw@h/db?schema=p&password=x")]
    [InlineData("postgresql://u:pw@h:99999/db?schema=p")]
    [InlineData("postgresql://u:pw@h/?schema=p")]
    public void Parse_InvalidUri_RefusedWithoutShowingThePassword(string uri)
    {
        var error = Assert.Throws<ReasonException>(() => PgLocation.Parse(uri));
        Assert.Equal("postgis_location_invalid", error.Reason.Code);
        Assert.DoesNotContain(":pw@", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireSchema_NoSchema_Refused()
    {
        var error = Assert.Throws<ReasonException>(() => PgLocation.Parse("postgresql://u@h/db").RequireSchema());
        Assert.Equal("postgis_schema_missing", error.Reason.Code);
    }
}
