using System.Diagnostics;
using System.Globalization;
using Territory.Core.Enrichment;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.PostGis;
using Territory.PostGis.Connection;
using Territory.PostGis.Store;
using Territory.Store;

namespace Territory.Benchmarks.Store;

/// <summary>
/// <c>pg-import-stages FILE LAYER postgresql://…?schema=S [ROUNDS]</c>: where a streamed estates import into a PostGIS
/// project spends its time, each stage alone and in turn, wall and CPU of this process: opening the source (file-level
/// decisions), reading and checking the rows, reading the communes and QPV, indexing them, the joins (in batches as the
/// import makes them), the binary COPY into a partitioned copy of the layer (server included in the wall, rolled back),
/// then the whole import as <c>territory import</c> runs it (store and pipeline).
/// </summary>
public static class PgImportStages
{
    public static void Run(string[] args)
    {
        if (args.Length < 3)
            throw new ArgumentException("usage: pg-import-stages FILE LAYER postgresql://…?schema=S [ROUNDS]");
        var (file, layer, project) = (args[0], args[1], args[2]);
        var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
        PostGisStores.Register();
        for (var round = 1; round <= rounds; round++)
        {
            Console.WriteLine($"round {round}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            int? crs;
            using (var store = ProjectStores.Open(project))
                crs = store.WorkingCrs;
            var options = new ImportOptions { LayerName = layer, TargetCrs = crs };

            Stage(round == 1 ? "whole import (store.ImportLayer), code not yet compiled" : "whole import (store.ImportLayer)", () =>
            {
                using var s = LayerImporter.Open(file, LayerKind.Estates, options);
                using var store = ProjectStores.Open(project);
                return store.ImportLayer(s, new LayerWriteOptions { AllowShrink = true }).Written;
            });
            Stage("decode the source rows alone", () =>
            {
                using var source = SourceLayers.Open(file, layer);
                long n = 0;
                foreach (var record in source.Rows(CancellationToken.None))
                    n++;
                return n;
            });
            var stream = Stage("open the source (file-level decisions)", () => LayerImporter.Open(file, LayerKind.Estates, options));
            Stage("read, map and check the rows (counted)", () => stream.Estates().Count());
            stream.Dispose();
            stream = LayerImporter.Open(file, LayerKind.Estates, options);
            var estates = Stage("read, map and check the rows (kept)", () => stream.Estates().ToList());
            stream.Dispose();
            IReadOnlyList<Commune> communes = [];
            IReadOnlyList<PriorityDistrict> districts = [];
            Stage("read the communes and QPV", () =>
            {
                using var store = ProjectStores.Open(project);
                communes = store.ReadCommunes();
                districts = store.ReadDistricts();
                return communes.Count + districts.Count;
            });
            var enricher = Stage($"index {communes.Count} communes and {districts.Count} QPV", () => new SpatialEnricher(communes, districts));
            var joined = Stage("join the rows (batches)", () =>
            {
                var all = new List<Estate>(estates.Count);
                foreach (var batch in estates.Chunk(StreamedEstates.BatchSize))
                    all.AddRange(enricher.Enrich(batch).Estates);
                return all;
            });
            Stage("binary COPY into the partitions (rolled back)", () => Copy(project, crs ?? 2154, joined, estates));
        }
    }

    private static long Copy(string project, int srid, List<Estate> joined, List<Estate> sources)
    {
        var location = PgLocation.Parse(project);
        using var connection = PgDataSources.Open(location);
        using var tx = connection.BeginTransaction();
        var schema = new PgSchema(connection, "territory_stages");
        schema.Execute("CREATE SCHEMA territory_stages");
        var definition = ProjectLayers.Definition(LayerKind.Estates, srid) with { Name = "estates_stage" };
        schema.CreateTable(definition, partitioned: true, register: false);
        schema.EnsurePartitions(definition.Name, joined.Select(e => Departements.Of(e.CommuneCode)));
        using (var writer = new PgLayerWriter(schema, definition, departementFrom: "commune_code"))
        {
            for (var i = 0; i < joined.Count; i++)
                ProjectLayers.Write(writer, joined[i], sources[i].CommuneCode, sources[i].QpvCode);
            writer.Complete();
        }
        var n = schema.Count(definition.Name);
        tx.Rollback();
        return n;
    }

    private static T Stage<T>(string name, Func<T> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = run();
        sw.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-50} wall {sw.Elapsed.TotalSeconds,6:0.00} s  CPU {used.TotalSeconds,6:0.00} s"));
        return result;
    }
}
