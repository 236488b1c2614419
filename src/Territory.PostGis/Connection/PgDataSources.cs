using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using Npgsql;

namespace Territory.PostGis.Connection;

/// <summary>One Npgsql data source per connection string, built once with the NetTopologySuite plugin (XY only).</summary>
internal static class PgDataSources
{
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> Sources = new(StringComparer.Ordinal);

    public static NpgsqlDataSource For(PgLocation location) =>
        Sources.GetOrAdd(location.ConnectionString, cs =>
        {
            var builder = new NpgsqlDataSourceBuilder(cs);
            builder.UseNetTopologySuite(handleOrdinates: Ordinates.XY);
            return builder.Build();
        });

    /// <summary>An open connection.</summary>
    public static NpgsqlConnection Open(PgLocation location) => For(location).OpenConnection();
}
