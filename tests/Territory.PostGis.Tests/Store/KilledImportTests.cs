using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Territory.PostGis.Tests.Support;
using Territory.Store;
using Territory.TestSupport;
using static Territory.PostGis.Tests.Support.PgProject;

namespace Territory.PostGis.Tests.Store;

/// <summary>A <c>territory import</c> killed with <c>kill -9</c> in the middle of its transaction leaves the schema as it was.</summary>
public sealed class KilledImportTests
{
    private const int Rows = 100_000;

    [Fact]
    public void Import_KilledMidTransaction_SchemaAsBeforeAndNextImportWorks()
    {
        using var p = Create();
        if (p is null)
            return;
        long version;
        using (var setup = p.Open())
        {
            setup.ImportLayer(Estates(Many(1_000, "old")), LayerWriteOptions.Replace);
            version = setup.DataVersion;
        }
        var tablesBefore = Tables(p);
        var csv = Path.Combine(Path.GetTempPath(), $"territory-kill-{Guid.NewGuid():N}.csv");
        try
        {
            WriteCsv(csv);
            // The import copies every row into its staging table, then moves them into the layer, whose Tarn
            // partition this transaction holds in SHARE mode (reads go on, inserts wait): the child is then
            // mid-transaction for certain, its rows sent, whatever the machine's speed (and well before its
            // lock_timeout of 30 s gives up).
            using var hold = TestPostGis.Connect(p.Schema);
            using var holding = hold.BeginTransaction();
            using (var lockCmd = new NpgsqlCommand("LOCK TABLE estates_d_81 IN SHARE MODE", hold, holding))
                lockCmd.ExecuteNonQuery();
            using var child = Start("import", csv, "--into", p.Location, "--as", "estates", "--append", "--crs", "EPSG:2154", "--json");
            using var watch = TestPostGis.Connect(p.Schema);
            var waiting = false;
            var clock = Stopwatch.StartNew();
            while (!child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(5))
            {
                using var cmd = new NpgsqlCommand($"""
                    SELECT count(*) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted
                    WHERE a.application_name LIKE 'territory%' AND a.wait_event_type = 'Lock'
                      AND l.relation = '"{p.Schema}"."estates_d_81"'::regclass
                    """, watch);
                if (cmd.ExecuteScalar() is long n && n > 0)
                {
                    waiting = true;
                    break;
                }
                Thread.Sleep(20);
            }
            if (!waiting)
                Assert.Fail($"the import was never seen waiting mid-transaction (exit {(child.HasExited ? child.ExitCode : -1)}): {child.StandardError.ReadToEnd()}");
            using (var kill = Process.Start("kill", ["-9", child.Id.ToString(CultureInfo.InvariantCulture)]))
                kill.WaitForExit();
            child.WaitForExit();
            Assert.Equal(137, child.ExitCode);
            holding.Rollback();

            using var store = p.Open();
            Assert.Equal(version, store.DataVersion);
            var estates = store.ReadEstates();
            Assert.Equal(1_000, estates.Count);
            Assert.All(estates, e => Assert.StartsWith("old", e.Id, StringComparison.Ordinal));
            Assert.Equal(tablesBefore, Tables(p));
            Assert.Equal(0L, p.Scalar("SELECT count(*) FROM estates__previous")); // still the empty one of the first import
            var next = store.ImportLayer(Estates(Many(2_000, "next")), LayerWriteOptions.Replace);
            Assert.Equal((1_000L, 2_000L, version + 1), (next.CountBefore, next.CountAfter, next.DataVersion));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private static string Tables(PgProject p) =>
        (string)p.Scalar($"SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = '{p.Schema}'")!;

    // Haute-Garonne first, Tarn second (the COPY keeps the file's order).
    private static void WriteCsv(string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.WriteLine("id;nom;nb_logements;code_commune;x;y");
        for (var i = 0; i < Rows; i++)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"K{i};Résidence {i};{1 + i % 60};{(i < Rows / 2 ? "31555" : "81004")};{570000 + i % 900 * 10};{6270000 + i / 900 * 10}"));
    }

    private static Process Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "territory.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(start)!;
    }
}
