using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Territory.Web.Hosting;
using Territory.Web.State;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>
/// Requests that once answered 500 « erreur inattendue » (or were accepted as nonsense): each now gets its
/// own status and a ProblemDetails with a French title, a reason and its stable code; the project is untouched.
/// </summary>
public sealed class HostileRequestTests(WebFactory factory) : IClassFixture<WebFactory>
{
    public static TheoryData<string, string, string, string?, int, string> Requests() => new()
    {
        { "minutes NaN", "GET", "/api/isochrones?lon=2.9&lat=46.6&minutes=NaN", null, 400, "" },
        { "minutes infini", "GET", "/api/isochrones?lon=2.9&lat=46.6&minutes=Infinity", null, 400, "" },
        { "longitude NaN", "GET", "/api/isochrones?lon=NaN&lat=46.6", null, 400, "" },
        { "point au pôle", "POST", "/api/scenario/agencies", """{"kind":"antenne","lon":-180,"lat":-90}""", 400, "scenario_point_outside_france" },
        { "point à New York", "POST", "/api/scenario/agencies", """{"kind":"antenne","lon":-74.0,"lat":40.7}""", 400, "scenario_point_outside_france" },
        { "point en Guadeloupe", "POST", "/api/scenario/agencies", """{"kind":"antenne","lon":-61.55,"lat":16.25}""", 400, "scenario_point_outside_zone" },
        { "nom de 2 Mo", "POST", "/api/scenario/agencies", "{\"kind\":\"antenne\",\"lon\":2.9,\"lat\":46.6,\"name\":\"" + new string('a', 2 << 20) + "\"}", 400, "scenario_point_name_too_long" },
        { "nom avec contrôle", "POST", "/api/scenario/agencies", """{"kind":"antenne","lon":2.9,"lat":46.6,"name":"a\u0007b"}""", 400, "scenario_point_name_control" },
        { "JSON cassé", "POST", "/api/scenario/agencies", """{"kind":""", 400, "problem_detail_bad_request" },
        { "adresse de 10 000 caractères", "GET", "/api/search?q=" + new string('x', 10_000), null, 414, "problem_detail_uri_too_long" },
        { "adresse inconnue", "GET", "/api/nulle-part", null, 404, "" },
        { "fichier du site absent", "GET", "/assets/absent.js", null, 404, "problem_detail_not_found" },
        { "méthode refusée", "DELETE", "/api/project", null, 405, "problem_detail_method" },
        { "adresse API inconnue", "GET", "/api/project/inconnue", null, 404, "problem_detail_not_found" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request_Hostile_ItsOwnProblem(string what, string method, string url, string? json, int status, string code)
    {
        using var client = factory.App();
        var before = await Version(client);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");

        var response = await client.SendAsync(request);

        var problem = await Json.Problem(response, (HttpStatusCode)status);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), what);
        if (code.Length > 0)
            Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.DoesNotContain("inattendue", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before, await Version(client));
    }

    [Fact]
    public async Task Request_WrongContentType_Is415Problem()
    {
        using var client = factory.App();
        var response = await client.PostAsync("/api/scenario/agencies", new StringContent("lon=2.9", Encoding.UTF8, "text/plain"));
        var problem = await Json.Problem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Type de contenu non pris en charge", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Request_ForeignHost_Is400ProblemNamingIt()
    {
        using var client = factory.App();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/project");
        request.Headers.Host = "territoire.example.org";
        var problem = await Json.Problem(await client.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Equal("problem_detail_bad_host", problem.GetProperty("code").GetString());
        Assert.Contains("territoire.example.org", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problem_InEnglish_WhenAskedFor()
    {
        using var client = factory.App();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/scenario/agencies") { Content = JsonContent.Create(new { kind = "antenne", lon = -74.0, lat = 40.7 }) };
        request.Headers.AcceptLanguage.ParseAdd("en-GB");
        var problem = await Json.Problem(await client.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Equal("Bad request", problem.GetProperty("title").GetString());
        Assert.StartsWith("the point (longitude", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("remontee.zip")]
    [InlineData("double-type.geojson")]
    public async Task Import_HostileFile_400WithItsCodeAndTheLayerStays(string name)
    {
        using var client = factory.App();
        var before = await Version(client);
        byte[] bytes;
        if (name.EndsWith(".zip", StringComparison.Ordinal))
        {
            using var memory = new MemoryStream();
            using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            using (var s = zip.CreateEntry("../../evasion.shp").Open())
                s.Write("x"u8);
            bytes = memory.ToArray();
        }
        else
        {
            bytes = Encoding.UTF8.GetBytes("""{"type":"FeatureCollection","features":[],"type":"Feature"}""");
        }
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var response = await client.PostAsync("/api/import?kind=agencies", new MultipartFormDataContent { { file, "file", name } });

        var problem = await Json.Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal(name.EndsWith(".zip", StringComparison.Ordinal) ? "zip_unsafe_entry" : "geojson_duplicate_key", problem.GetProperty("code").GetString());
        Assert.Contains(name, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await Version(client));
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), "territory-upload-*"), d => Directory.GetFiles(d).Any(f => f.EndsWith(name, StringComparison.Ordinal)));
    }

    private static async Task<long> Version(HttpClient client) =>
        (await Json.Get(client, "/api/project/status")).GetProperty("dataVersion").GetInt64();
}

/// <summary>The isochrone queue is bounded: a full queue answers 503 with Retry-After at once, not seconds later.</summary>
public sealed class IsochroneQueueTests
{
    [Fact]
    public async Task Isochrones_QueueFull_503WithRetryAfterThenServedOnceFree()
    {
        using var factory = new WebFactory { Settings = new Dictionary<string, string> { ["IsochroneConcurrency"] = "1", ["IsochroneQueue"] = "1" } };
        using var client = factory.App();
        var service = factory.Services.GetRequiredService<IsochroneService>();
        // Fill the only slot and the only queue place.
        using var running = await service.Limiter.AcquireAsync(1);
        Assert.True(running.IsAcquired);
        var queued = service.Limiter.AcquireAsync(1);
        Assert.False(queued.IsCompleted);

        var response = await client.GetAsync("/api/isochrones?lon=2.95&lat=46.6&minutes=10");

        var problem = await Json.Problem(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("isochrones_busy", problem.GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(ProblemExceptionHandler.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        running.Dispose();
        (await queued).Dispose();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/isochrones?lon=2.95&lat=46.6&minutes=10")).StatusCode);
    }
}

/// <summary>A request body that arrives too slowly is a 408 ProblemDetails, on the real server (Kestrel enforces the rate).</summary>
public sealed class SlowBodyTests
{
    [Fact]
    public async Task Import_BodyTrickling_Is408Problem()
    {
        using var project = DemoProject.Copy();
        await using var app = TerritoryWebApp.Build([], o => { o.Project = project.Path; o.Port = 0; o.WatchInterval = TimeSpan.Zero; });
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(address.Host, address.Port);
            var stream = tcp.GetStream();
            var head = "POST /api/import?kind=agencies HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Territory-Client: 1\r\n" +
                       "Content-Type: multipart/form-data; boundary=limite\r\nContent-Length: 100000\r\n\r\n--limite\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            // Then nothing: Kestrel's minimum data rate (240 B/s after a 5 s grace) ends the wait.
            using var reader = new StreamReader(stream, Encoding.UTF8);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var status = await reader.ReadLineAsync(timeout.Token);
            Assert.StartsWith("HTTP/1.1 408", status, StringComparison.Ordinal);
            var rest = await reader.ReadToEndAsync(timeout.Token);
            Assert.Contains("application/problem+json", rest, StringComparison.Ordinal);
            Assert.Contains("Requête trop lente", rest, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
