using Territory.PostGis.Connection;

namespace Territory.PostGis.Tiles;

/// <summary>
/// The SQL of the vector tiles, one statement per layer, parameterised (tile, filter, colours); only the schema name is
/// written into the text, through <see cref="PgIdentifier.Qualify"/>.
/// </summary>
/// <remarks>
/// Geometries are stored in the working CRS with a GiST index on it: the tile's envelope (<c>ST_TileEnvelope</c>,
/// densified so its curved edges stay inside the box) is transformed to the working CRS for the index filter, never
/// the column; the rows found are then transformed to EPSG:3857 for <c>ST_AsMVTGeom</c>.
/// </remarks>
internal static class PgTileSql
{
    // The tile in 3857, its box in the working CRS, and its edges as numbers (points are kept by the half-open test of TileAddress.Holds).
    private const string Bounds = """
        box AS (
          SELECT b AS b3857, ST_Transform(ST_Segmentize(b, (ST_XMax(b) - ST_XMin(b)) / 16), @srid) AS bw,
                 ST_XMin(b) AS minx, ST_XMax(b) AS maxx, ST_YMin(b) AS miny, ST_YMax(b) AS maxy, (ST_XMax(b) - ST_XMin(b)) AS size
          FROM (SELECT ST_TileEnvelope(@z, @x, @y) AS b) t
        )
        """;

    /// <summary>
    /// Each estate of the tile with what the map shows of it: its territory's type (the delineation by commune and QPV,
    /// as the stored <c>territories</c> name them), the travel time from the managing agency when it exists, else from the
    /// nearest one (the stored <c>travel_estates</c>), filtered as the « Filtres » tab asks.
    /// </summary>
    private static string Facts(string s) => $$"""
        raw AS (
          SELECT e.fid, e.id, e.dwellings, e.landlord, e.agency_id,
                 ST_Transform(CASE WHEN GeometryType(e.geom) = 'POINT' THEN e.geom ELSE ST_PointOnSurface(e.geom) END, 3857) AS g,
                 CASE WHEN e.qpv_code IS NULL THEN COALESCE(e.commune_code, 'commune-inconnue')
                      ELSE COALESCE(e.commune_code, 'commune-inconnue') || '-' || e.qpv_code END AS territory_id
          FROM {{s}}.estates e, box WHERE e.geom && box.bw
        ),
        facts AS (
          SELECT r.fid, r.id, r.dwellings, r.landlord, r.agency_id AS agency, r.g, tr.type,
                 CASE WHEN a.id IS NOT NULL THEN r.agency_id WHEN t.nearest_agency IS NOT NULL THEN t.nearest_agency ELSE r.agency_id END AS travel_agency,
                 round((CASE WHEN a.id IS NOT NULL THEN t.managing_min ELSE t.nearest_min END)::numeric, 1)::float8 AS minutes,
                 COALESCE(t.estimated, true) AS estimated
          FROM raw r CROSS JOIN box
          LEFT JOIN {{s}}.travel_estates t ON t.estate_id = r.id
          LEFT JOIN {{s}}.agencies a ON a.id = r.agency_id
          LEFT JOIN {{s}}.territories tr ON tr.territory_id = r.territory_id
          WHERE ST_X(r.g) >= box.minx AND ST_X(r.g) < box.maxx AND ST_Y(r.g) > box.miny AND ST_Y(r.g) <= box.maxy
        ),
        kept AS (
          SELECT * FROM facts
          WHERE (@types::text[] IS NULL OR COALESCE(type, 'none') = ANY(@types::text[]))
            AND (@landlord::text IS NULL OR landlord = @landlord::text)
            AND (@agency::text IS NULL OR agency = @agency::text OR travel_agency = @agency::text)
            AND (@minutes::float8 IS NULL OR minutes IS NULL OR minutes > @minutes::float8)
        )
        """;

    /// <summary>Estates one by one.</summary>
    public static string Estates(string s) => $$"""
        WITH {{Bounds}}, {{Facts(s)}}
        SELECT ST_AsMVT(q, 'estates', 4096, 'geom') FROM (
          SELECT ST_AsMVTGeom(k.g, box.b3857, 4096, 0, false) AS geom, k.id, k.dwellings, k.type, k.landlord, k.agency,
                 k.travel_agency AS "travelAgency", k.minutes, k.estimated
          FROM kept k, box ORDER BY k.fid
        ) q
        """;

    /// <summary>Estates gathered in cells of the tile's 16 × 16 grid: count, dwellings, the type with most dwellings (ties: the smaller code), at their mean position.</summary>
    public static string Cells(string s) => $$"""
        WITH {{Bounds}}, {{Facts(s)}},
        cells AS (
          SELECT LEAST(GREATEST(floor((ST_X(k.g) - box.minx) / (box.size / 16))::int, 0), 15) AS cx,
                 LEAST(GREATEST(floor((box.maxy - ST_Y(k.g)) / (box.size / 16))::int, 0), 15) AS cy,
                 ST_X(k.g) AS x, ST_Y(k.g) AS y, k.dwellings, k.type
          FROM kept k, box
        ),
        dominant AS (
          SELECT DISTINCT ON (cx, cy) cx, cy, type FROM (
            SELECT cx, cy, type, sum(dwellings) AS d FROM cells WHERE type IS NOT NULL GROUP BY cx, cy, type
          ) per_type ORDER BY cx, cy, d DESC, type COLLATE "C"
        ),
        agg AS (
          SELECT cx, cy, count(*)::int AS count, sum(dwellings)::bigint AS dwellings, avg(x) AS x, avg(y) AS y FROM cells GROUP BY cx, cy
        )
        SELECT ST_AsMVT(q, 'estates', 4096, 'geom') FROM (
          SELECT ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(agg.x, agg.y), 3857), box.b3857, 4096, 0, false) AS geom,
                 agg.count, agg.dwellings, d.type
          FROM agg LEFT JOIN dominant d USING (cx, cy), box ORDER BY agg.cy, agg.cx
        ) q
        """;

    /// <summary>A polygon layer: simplified at half a pixel of the tile, clipped with a 64-unit margin.</summary>
    private static string Polygons(string table, string layer, string columns) => $$"""
        WITH {{Bounds}}
        SELECT ST_AsMVT(q, '{{layer}}', 4096, 'geom') FROM (
          SELECT * FROM (
            SELECT ST_AsMVTGeom(ST_Simplify(ST_Transform(p.geom, 3857), box.size / 4096 * 8), box.b3857, 4096, 64, true) AS geom, {{columns}}
            FROM {{table}} p, box WHERE p.geom && box.bw ORDER BY p.fid
          ) f WHERE f.geom IS NOT NULL
        ) q
        """;

    public static string Territories(string s) => Polygons(s + ".territories", "territories", $"""
        p.territory_id AS id, p.name, p.kind, p.type,
        (SELECT c.colour FROM unnest(@codes::text[], @colours::text[]) AS c(code, colour) WHERE c.code = p.type) AS colour,
        p.dwellings, p.estates, p.caretaking_status = 'applies' AS "caretakingApplies", COALESCE(p.caretaking_deficit_fte, 0) > 0 AS "caretakingDeficit"
        """);

    public static string Communes(string s) => Polygons(s + ".communes", "communes",
        "p.code, p.name, p.population, p.density_level AS \"densityLevel\"");

    public static string Qpv(string s) => Polygons(s + ".qpv", "qpv", "p.code, p.name, p.commune_code AS \"communeCode\"");
}
