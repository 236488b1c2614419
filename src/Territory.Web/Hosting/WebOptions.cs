namespace Territory.Web.Hosting;

/// <summary>Settings of the map server (configuration section <c>Territory</c>; <c>territory serve</c> sets them).</summary>
public sealed class WebOptions
{
    /// <summary>Default port of <c>territory serve</c>.</summary>
    public const int DefaultPort = 5080;

    /// <summary>Project GeoPackage served (required).</summary>
    public string? Project { get; set; }

    /// <summary>Address to listen on; loopback unless the user asks otherwise.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Port; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Largest accepted upload, bytes (413 beyond).</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Basemap shown first: <c>none</c> (offline), <c>osm</c>, <c>ign-plan</c>, <c>ign-ortho</c>.</summary>
    public string DefaultBasemap { get; set; } = "none";

    /// <summary>How often the server checks whether another program committed to the project (zero: never; writes still check).</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Isochrone computations allowed at once; 0: one per core.</summary>
    public int IsochroneConcurrency { get; set; }

    /// <summary>Isochrone requests allowed to wait for a computation slot; beyond, 503 with <c>Retry-After</c>.</summary>
    public int IsochroneQueue { get; set; } = 32;

    /// <summary>How long a signed-in user's unsaved scenario is kept after their last request (zero: for ever); their named scenarios are in the store.</summary>
    public TimeSpan SessionIdleTime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Vector tiles of large projects (section <c>Territory:Tiles</c>).</summary>
    public Tiles.TileOptions Tiles { get; set; } = new();

    /// <summary>Sign-in: tokens, sessions, the organisation's directory (section <c>Territory:Auth</c>).</summary>
    public Auth.AuthOptions Auth { get; set; } = new();

    /// <summary>
    /// Listen while the project loads (<c>territory serve</c>): the web host starts beside the load, the map's files are
    /// served at once, and every API request waits for the load (<see cref="State.ProjectSession.Ready"/>). False: the
    /// project is loaded before <see cref="TerritoryWebApp.Build"/> returns.
    /// </summary>
    public bool ListenBeforeLoad { get; set; }

    /// <summary>Told each stage of the project's load before it runs (<c>territory serve</c> prints them); null for none.</summary>
    public Action<Territory.Core.Messages.Message>? StartupStage { get; set; }

    /// <summary>True when the address is a loopback one.</summary>
    public bool IsLoopback => Host is "127.0.0.1" or "::1" or "localhost";
}
