using Territory.Web.Hosting;

// Thin entry point (`dotnet run -- --project P.gpkg`); `territory serve` composes the same app.
Territory.PostGis.PostGisStores.Register(); // projects may be PostgreSQL URIs
var app = TerritoryWebApp.Build(args);
app.Run();

/// <summary>Entry point type, for <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
