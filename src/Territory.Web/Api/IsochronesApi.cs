using System.Globalization;
using Territory.Web.Geo;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>Isochrones by car: around an agency (<c>/api/agencies/{id}/isochrones</c>) or any point (<c>/api/isochrones</c>).</summary>
public static class IsochronesApi
{
    private const int MaxCutoffs = 6;

    public static void MapIsochronesApi(this WebApplication app)
    {
        app.MapGet("/api/agencies/{id}/isochrones", (string id, string? minutes, ProjectSession session, IsochroneService isochrones, CancellationToken ct) =>
        {
            var s = session.Current;
            if (!s.AgenciesById.TryGetValue(id, out var agency))
                return Task.FromResult(DetailsApi.NotFound("agence", id));
            var (lon, lat) = s.ToWgs84.Transform(agency.Location.X, agency.Location.Y);
            return Answer(isochrones, lon, lat, minutes, ct);
        }).WithName("GetAgencyIsochrones").WithTags("Isochrones");
        app.MapGet("/api/isochrones", (double? lon, double? lat, string? minutes, IsochroneService isochrones, CancellationToken ct) =>
        {
            if (lon is not (>= -180 and <= 180) || lat is not (>= -90 and <= 90) || !double.IsFinite(lon.Value) || !double.IsFinite(lat.Value))
                return Task.FromResult(Invalid("lon et lat : un point en degrés (WGS 84), par exemple lon=2.35&lat=48.85."));
            return Answer(isochrones, lon.Value, lat.Value, minutes, ct);
        }).WithName("GetIsochrones").WithTags("Isochrones");
    }

    private static async Task<IResult> Answer(IsochroneService isochrones, double lon, double lat, string? minutes, CancellationToken ct)
    {
        var cutoffs = ParseMinutes(minutes);
        if (cutoffs is null)
            return Invalid($"minutes : de 1 à {MaxCutoffs} durées entre 1 et 120, séparées par des virgules (ex. 10,20,30).");
        return TypedResults.Bytes(await isochrones.BuildAsync(lon, lat, cutoffs, ct), GeoJson.ContentType);
    }

    internal static IResult Invalid(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Paramètre invalide", detail: detail);

    internal static List<double>? ParseMinutes(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [10, 20, 30];
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) || !double.IsFinite(m) || m < 1 || m > 120)
                return null;
            values.Add(m);
        }
        values = values.Distinct().Order().ToList();
        return values.Count is > 0 and <= MaxCutoffs ? values : null;
    }
}
