using NpgsqlTypes;
using Territory.PostGis.Connection;

namespace Territory.PostGis.Tiles;

/// <summary>
/// Mapbox vector tiles cut by PostGIS (<c>ST_AsMVT</c>) from a project schema: estates (one by one, or gathered in
/// cells at small scales), territories (the stored analysis), communes and QPV.
/// </summary>
/// <remarks>
/// The map server's second source of tiles beside its own memory (<c>Territory.Web/Tiles</c>): both give the same
/// features and attributes for the same tile (tested). Estates need the stored analysis (<c>travel_estates</c> and
/// <c>territories</c>) to describe the saved data; the caller checks it (<c>IProjectStore.DerivedVersion</c>). The keys the
/// estates join on (<c>travel_estates.estate_id</c>, <c>territories.territory_id</c>, <c>agencies.id</c>) are indexed by the
/// store when it writes the results (<c>Territory.Store.JoinIndexes</c>): without them the planner, which expects few estates
/// in a tile, loops over the whole table for each one (minutes per tile at national scale).
/// <para>Each statement is prepared: a pooled connection keeps it, so a tile's query is planned once per connection instead of
/// once per tile (with the estates partitioned by département, planning cost more than running a street-level tile).</para>
/// </remarks>
public static class PostGisTiles
{
    /// <summary>Layers this class cuts.</summary>
    public static IReadOnlyList<string> Layers { get; } = ["estates", "territories", "communes", "qpv"];

    /// <summary>The tile's bytes (empty when nothing is in it).</summary>
    /// <param name="location">The project's PostgreSQL URI (with its schema).</param>
    /// <param name="workingSrid">The project's working CRS (the tile's box is transformed to it for the GiST index).</param>
    /// <param name="layer">One of <see cref="Layers"/>.</param>
    /// <param name="z">Zoom.</param>
    /// <param name="x">Column.</param>
    /// <param name="y">Row (from the north).</param>
    /// <param name="cells">Estates gathered in cells instead of one by one.</param>
    /// <param name="filter">The estates filter; ignored by the other layers.</param>
    /// <param name="typeColours">Territory type code → colour (the territories' <c>colour</c> attribute).</param>
    public static byte[] Tile(string location, int workingSrid, string layer, int z, int x, int y, bool cells, EstateTileFilter filter,
        IReadOnlyDictionary<string, string> typeColours)
    {
        var (pg, sql) = Query(location, layer, cells);
        using var connection = PgDataSources.Open(pg);
        using var cmd = Command(connection, sql, workingSrid, z, x, y, filter, typeColours);
        cmd.Prepare();
        return cmd.ExecuteScalar() is byte[] bytes ? bytes : [];
    }

    /// <summary>As <see cref="Tile"/>, waiting on the database without holding a thread (a map server's many requests at once).</summary>
    /// <param name="location">The project's PostgreSQL URI (with its schema).</param>
    /// <param name="workingSrid">The project's working CRS.</param>
    /// <param name="layer">One of <see cref="Layers"/>.</param>
    /// <param name="z">Zoom.</param>
    /// <param name="x">Column.</param>
    /// <param name="y">Row (from the north).</param>
    /// <param name="cells">Estates gathered in cells instead of one by one.</param>
    /// <param name="filter">The estates filter; ignored by the other layers.</param>
    /// <param name="typeColours">Territory type code → colour.</param>
    /// <param name="ct">Stops the query.</param>
    public static async Task<byte[]> TileAsync(string location, int workingSrid, string layer, int z, int x, int y, bool cells,
        EstateTileFilter filter, IReadOnlyDictionary<string, string> typeColours, CancellationToken ct = default)
    {
        var (pg, sql) = Query(location, layer, cells);
        await using var connection = await PgDataSources.For(pg).OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var cmd = Command(connection, sql, workingSrid, z, x, y, filter, typeColours);
        await cmd.PrepareAsync(ct).ConfigureAwait(false);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is byte[] bytes ? bytes : [];
    }

    private static (PgLocation Location, string Sql) Query(string location, string layer, bool cells)
    {
        var pg = PgLocation.Parse(location);
        var schema = PgIdentifier.Quote(pg.RequireSchema());
        return (pg, layer switch
        {
            "estates" => cells ? PgTileSql.Cells(schema) : PgTileSql.Estates(schema),
            "territories" => PgTileSql.Territories(schema),
            "communes" => PgTileSql.Communes(schema),
            "qpv" => PgTileSql.Qpv(schema),
            _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, null),
        });
    }

    private static Npgsql.NpgsqlCommand Command(Npgsql.NpgsqlConnection connection, string sql, int workingSrid, int z, int x, int y,
        EstateTileFilter filter, IReadOnlyDictionary<string, string> typeColours)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(typeColours);
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("z", z);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        cmd.Parameters.AddWithValue("srid", workingSrid);
        if (sql.Contains("@types", StringComparison.Ordinal))
        {
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = filter.Types is null ? DBNull.Value : filter.Types.ToArray() });
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter("landlord", NpgsqlDbType.Text) { Value = (object?)filter.Landlord ?? DBNull.Value });
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter("agency", NpgsqlDbType.Text) { Value = (object?)filter.Agency ?? DBNull.Value });
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter("minutes", NpgsqlDbType.Double) { Value = (object?)filter.MinMinutes ?? DBNull.Value });
        }
        if (sql.Contains("@codes", StringComparison.Ordinal))
        {
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = typeColours.Keys.ToArray() });
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter("colours", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = typeColours.Values.ToArray() });
        }
        return cmd;
    }
}
