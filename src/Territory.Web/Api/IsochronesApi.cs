using System.Globalization;
using Territory.Web.Geo;
using Territory.Web.Hosting;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>Isochrones by car: around an agency (<c>/api/agencies/{id}/isochrones</c>) or any point (<c>/api/isochrones</c>).</summary>
public static class IsochronesApi
{
    private const int MaxCutoffs = 6;

    public static void MapIsochronesApi(this WebApplication app)
    {
        app.MapGet("/api/agencies/{id}/isochrones", (string id, string? minutes, ProjectSession session, IsochroneService isochrones, HttpContext context, CancellationToken ct) =>
        {
            var s = session.Current;
            if (!s.AgenciesById.TryGetValue(id, out var agency))
                return Task.FromResult(Problems.Of(context, StatusCodes.Status404NotFound, "api_agency_not_found", ("id", id)));
            var (lon, lat) = s.ToWgs84.Transform(agency.Location.X, agency.Location.Y);
            return Answer(isochrones, lon, lat, minutes, context, ct);
        }).WithName("GetAgencyIsochrones").WithTags("Isochrones");
        app.MapGet("/api/isochrones", (double? lon, double? lat, string? minutes, IsochroneService isochrones, HttpContext context, CancellationToken ct) =>
        {
            if (lon is not (>= -180 and <= 180) || lat is not (>= -90 and <= 90) || !double.IsFinite(lon.Value) || !double.IsFinite(lat.Value))
                return Task.FromResult(Invalid(context, "api_lonlat_invalid"));
            return Answer(isochrones, lon.Value, lat.Value, minutes, context, ct);
        }).WithName("GetIsochrones").WithTags("Isochrones");
    }

    private static async Task<IResult> Answer(IsochroneService isochrones, double lon, double lat, string? minutes, HttpContext context, CancellationToken ct)
    {
        var cutoffs = ParseMinutes(minutes);
        if (cutoffs is null)
            return Invalid(context, "api_minutes_invalid", ("max", MaxCutoffs));
        return TypedResults.Bytes(await isochrones.BuildAsync(lon, lat, cutoffs, ct), GeoJson.ContentType);
    }

    /// <summary>A 400 ProblemDetails for a bad parameter, in the request's language.</summary>
    internal static IResult Invalid(HttpContext context, string code, params (string Name, object? Value)[] values) =>
        Problems.Of(context, StatusCodes.Status400BadRequest, code, values);

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
