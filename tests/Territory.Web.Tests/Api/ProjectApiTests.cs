using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

public sealed class ProjectApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task Project_describes_the_demo_with_the_four_seed_types()
    {
        using var client = factory.App();
        var project = await client.GetFromJsonAsync<JsonElement>("/api/project");
        Assert.Equal(2154, project.GetProperty("workingCrs").GetInt32());
        Assert.Equal(1495, project.GetProperty("counts").GetProperty("estates").GetInt32());
        var labels = project.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("label").GetString()).ToList();
        Assert.Equal(["Patrimoine diffus en zone rurale", "Résidences collectives isolées et individuelles", "Résidences collectives en ville", "Grands quartiers d'habitat social"], labels);
        Assert.True(project.GetProperty("roads").GetBoolean());
    }

    [Fact]
    public async Task Unknown_api_path_is_a_problem_details_404()
    {
        using var client = factory.App();
        var response = await client.GetAsync("/api/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
