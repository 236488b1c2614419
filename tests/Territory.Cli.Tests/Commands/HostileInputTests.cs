using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using Territory.IO.GeoPackage;
using Territory.IO.Layers;
using Territory.Store;

namespace Territory.Cli.Tests.Commands;

/// <summary>
/// Every input a user can give is an expected failure: each hostile file below once ended in exit 1
/// « erreur inattendue » (or was silently half-read); each now gets its own one-line French reason
/// naming the file, exit 2, and leaves the project as it was.
/// </summary>
public sealed class HostileInputTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "zip-remontee", "chemin dangereux" },
        { "zip-absolu", "chemin dangereux" },
        { "zip-lien", "chemin dangereux" },
        { "zip-illisible", "archive zip illisible" },
        { "shp-tronque", "tronqué" },
        { "shp-longueur-forgee", "dépasse la fin du fichier" },
        { "shp-dbf-etranger", "shapefile endommagé ou fichiers mélangés" },
        { "geojson-double-type", "apparaît deux fois" },
        { "geojson-tronque", "JSON tronqué" },
        { "geojson-binaire", "contenu binaire" },
        { "gpkg-pages-abimees", "GeoPackage" },
        { "gpkg-blob-abime", "aucune ligne acceptée" },
        { "correspondance-nulle", "n'est associé à aucune colonne" },
        { "csv-entete-demesuree", "première ligne dépasse" },
        { "csv-octet-nul", "contenu binaire" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Import_HostileFile_OwnReasonExit2ProjectUnchanged(string name, string expected)
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("p.gpkg");
        File.WriteAllText(tmp.File("base.csv"), "id;nom;nb_logements;lon;lat\nA;Les Tilleuls;40;1.44;43.60\nB;Le Parc;25;1.45;43.61\n");
        CliRun.Invoke("import", tmp.File("base.csv"), "--into", project, "--as", "estates", "--json").Json();
        var before = Snapshot(project);
        var (file, extra) = Write(name, tmp);

        var run = CliRun.Invoke(["import", file, "--into", project, "--as", "estates", .. extra]);

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Error}");
        Assert.Single(run.Error.Trim().Split('\n'));
        // The file at fault is named: the data file, or the mapping file that names no column.
        Assert.Contains(Path.GetFileName(extra.Length > 1 && name == "correspondance-nulle" ? extra[1] : file), run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("inattendue", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(project));
        Assert.Empty(Directory.GetDirectories(tmp.Path));
    }

    [Fact]
    public void Import_ProjectLockedByAnotherProgram_SaysSoAndWritesNothing()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("p.gpkg");
        File.WriteAllText(tmp.File("base.csv"), "id;nom;nb_logements;lon;lat\nA;Les Tilleuls;40;1.44;43.60\n");
        CliRun.Invoke("import", tmp.File("base.csv"), "--into", project, "--as", "estates", "--json").Json();
        File.WriteAllText(tmp.File("more.csv"), "id;nom;nb_logements;lon;lat\nB;Le Parc;25;1.45;43.61\n");
        var timeout = GeoPackageFile.BusyTimeout;
        // Another program holds the write lock (QGIS editing, a long import) past the wait.
        using var other = new SqliteConnection($"Data Source={project};Pooling=False");
        other.Open();
        using var hold = other.BeginTransaction();
        using (var write = other.CreateCommand())
        {
            write.Transaction = hold;
            write.CommandText = "UPDATE territory_project SET value = value WHERE key = 'data_version'";
            write.ExecuteNonQuery();
        }
        GeoPackageFile.BusyTimeout = TimeSpan.FromSeconds(1);
        try
        {
            var run = CliRun.Invoke("import", tmp.File("more.csv"), "--into", project, "--as", "estates", "--append");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("utilisé par un autre programme", run.Error, StringComparison.Ordinal);
            Assert.Contains("p.gpkg", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            GeoPackageFile.BusyTimeout = timeout;
        }
        hold.Rollback();
        using var store = ProjectStores.Open(project);
        Assert.Single(store.ReadEstates());
    }

    private static (string File, string[] Extra) Write(string name, TempDir tmp)
    {
        var csv = "id;nom;nb_logements;lon;lat\nX;Résidence;10;1.44;43.60\n";
        switch (name)
        {
            case "zip-remontee":
                return (Zip(tmp, name, ("../../evasion.csv", "x"u8.ToArray()), ("couche.shp", new byte[100])), []);
            case "zip-absolu":
                return (Zip(tmp, name, ("/tmp/evasion.shp", "x"u8.ToArray())), []);
            case "zip-lien":
            {
                var path = tmp.File(name + ".zip");
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
                {
                    var link = zip.CreateEntry("couche.shp");
                    link.ExternalAttributes = unchecked((int)0xA1FF0000);
                    using var s = link.Open();
                    s.Write("/etc/passwd"u8);
                }
                return (path, []);
            }
            case "zip-illisible":
                return (Bytes(tmp, name + ".zip", [.. "PK\u0003\u0004"u8, .. new byte[200]]), []);
            case "shp-tronque":
            {
                var shp = Shapefile(tmp, name, 10);
                using (var f = new FileStream(shp, FileMode.Open))
                    f.SetLength(300);
                return (shp, Mapping(tmp));
            }
            case "shp-longueur-forgee":
            {
                var shp = Shapefile(tmp, name, 10);
                var bytes = File.ReadAllBytes(shp);
                System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(104), int.MaxValue);
                File.WriteAllBytes(shp, bytes);
                return (shp, Mapping(tmp));
            }
            case "shp-dbf-etranger":
            {
                var shp = Shapefile(tmp, name, 10);
                var other = Shapefile(tmp, "autre", 4);
                File.Copy(Path.ChangeExtension(other, ".dbf"), Path.ChangeExtension(shp, ".dbf"), overwrite: true);
                return (shp, Mapping(tmp));
            }
            case "geojson-double-type":
                return (Text(tmp, name + ".geojson", """{"type":"FeatureCollection","features":[],"type":"Feature","properties":{}}"""), []);
            case "geojson-tronque":
                return (Text(tmp, name + ".geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"A","logements":3},"geometry":{"type":"Po"""), []);
            case "geojson-binaire":
                return (Bytes(tmp, name + ".geojson", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]), []);
            case "gpkg-pages-abimees":
            {
                var gpkg = GeoPackage(tmp, name, 3000);
                var bytes = File.ReadAllBytes(gpkg);
                new Random(3).NextBytes(bytes.AsSpan(bytes.Length / 2));
                File.WriteAllBytes(gpkg, bytes);
                return (gpkg, []);
            }
            case "gpkg-blob-abime":
            {
                var gpkg = GeoPackage(tmp, name, 1);
                using (var c = new SqliteConnection($"Data Source={gpkg};Pooling=False"))
                {
                    c.Open();
                    using var cmd = c.CreateCommand();
                    // Without its spatial-index triggers (as some tools write them), then a blob cut short.
                    cmd.CommandText = "SELECT group_concat('DROP TRIGGER \"' || name || '\";', ' ') FROM sqlite_master WHERE type = 'trigger'";
                    var drops = cmd.ExecuteScalar() as string;
                    cmd.CommandText = (drops ?? "") + " UPDATE residences SET geom = X'47500003E61000000102030405060708'";
                    cmd.ExecuteNonQuery();
                }
                return (gpkg, []);
            }
            case "correspondance-nulle":
            {
                var mapping = Text(tmp, "correspondance.json", """{"dwellings": null}""");
                return (Text(tmp, name + ".csv", csv), ["--mapping", mapping]);
            }
            case "csv-entete-demesuree":
            {
                var path = tmp.File(name + ".csv");
                using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
                    for (var i = 0; i < 20; i++)
                        w.Write(new string(';', 1 << 16));
                return (path, []);
            }
            case "csv-octet-nul":
                return (Bytes(tmp, name + ".csv", [.. Encoding.UTF8.GetBytes(csv + csv[csv.IndexOf('\n')..]), 0, .. "\n"u8]), []);
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }

    /// <summary>What a failed import must leave as it was: the estates and the data version.</summary>
    private static string Snapshot(string project)
    {
        using var store = ProjectStores.Open(project);
        return string.Join(",", store.ReadEstates().Select(e => e.Id)) + "@" + store.DataVersion.ToString(CultureInfo.InvariantCulture);
    }

    private static string[] Mapping(TempDir tmp) => ["--mapping", Text(tmp, "champs.json", """{"dwellings":"NB_LGT","id":"ID"}""")];

    private static string Text(TempDir tmp, string name, string text)
    {
        File.WriteAllText(tmp.File(name), text, new UTF8Encoding(false));
        return tmp.File(name);
    }

    private static string Bytes(TempDir tmp, string name, byte[] bytes)
    {
        File.WriteAllBytes(tmp.File(name), bytes);
        return tmp.File(name);
    }

    private static string Zip(TempDir tmp, string name, params (string Entry, byte[] Content)[] entries)
    {
        var path = tmp.File(name + ".zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var s = zip.CreateEntry(entry).Open();
            s.Write(content);
        }
        return path;
    }

    /// <summary>n points in Toulouse (Lambert-93) with ID and NB_LGT, written by NTS's shapefile writer.</summary>
    private static string Shapefile(TempDir tmp, string name, int n)
    {
        var features = Enumerable.Range(1, n).Select(i => new NetTopologySuite.Features.Feature(new Point(574_000 + i * 10, 6_279_000 + i * 10),
            new NetTopologySuite.Features.AttributesTable { { "ID", $"S{i}" }, { "NB_LGT", 10 } })).ToList();
        var shp = tmp.File(name + ".shp");
        NetTopologySuite.IO.Esri.Shapefile.WriteAllFeatures(features, shp, Territory.Core.Crs.CrsRegistry.WktOf(2154), Encoding.UTF8);
        return shp;
    }

    /// <summary>A GeoPackage with one point layer « residences » of n rows in Lambert-93.</summary>
    private static string GeoPackage(TempDir tmp, string name, int n)
    {
        var path = tmp.File(name + ".gpkg");
        using var file = GeoPackageFile.Open(path);
        var layer = new LayerDefinition("residences", "POINT", 2154,
            [new("id", ColumnType.Text), new("nom", ColumnType.Text), new("nb_logements", ColumnType.Integer)]);
        file.WriteLayer(layer, false, w =>
        {
            for (var i = 0; i < n; i++)
                w.Write(new Point(574_000 + i, 6_279_000 + i) { SRID = 2154 }, $"R{i}", $"Résidence numéro {i} avec un nom assez long pour remplir les pages", 10 + i % 50);
        });
        return path;
    }
}
