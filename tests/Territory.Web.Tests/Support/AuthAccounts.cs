using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Territory.Store;
using Territory.Store.Users;
using Territory.Web.Auth;
using Territory.Web.Hosting;

namespace Territory.Web.Tests.Support;

/// <summary>Three accounts, one per role, written into a project before its server starts; tokens and clients for them.</summary>
internal static class AuthAccounts
{
    public const string Admin = "ada";
    public const string Planner = "paul";
    public const string Reader = "lea";

    /// <summary>A second administrator (not seeded by <see cref="Seed"/>: <see cref="Add"/> it where two are needed).</summary>
    public const string SecondAdmin = "bruno";

    /// <summary>Each account's password (its name repeated: long enough).</summary>
    public static string Password(string name) => $"{name}-{name}-{name}-mdp";

    /// <summary>Writes the three accounts into the project.</summary>
    public static void Seed(string project)
    {
        using var store = ProjectStores.Open(project);
        foreach (var (name, role) in new[] { (Admin, UserRole.Administration), (Planner, UserRole.Planification), (Reader, UserRole.Lecture) })
            store.SaveUser(new ProjectUser(name, role, Passwords.Hash(name, Password(name)), default, default), "test", overwrite: false);
    }

    /// <summary>Writes one more account into the project.</summary>
    public static void Add(string project, string name, UserRole role)
    {
        using var store = ProjectStores.Open(project);
        store.SaveUser(new ProjectUser(name, role, Passwords.Hash(name, Password(name)), default, default), "test", overwrite: false);
    }

    /// <summary>A client of the server with the mutation header and no credentials.</summary>
    public static HttpClient Anonymous(WebFactory factory)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.Timeout = TimeSpan.FromMinutes(5);
        client.DefaultRequestHeaders.Add(MutationGuard.Header, "1");
        return client;
    }

    /// <summary>A client carrying a bearer token of <paramref name="name"/>.</summary>
    public static async Task<HttpClient> As(WebFactory factory, string name)
    {
        var client = Anonymous(factory);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Token(client, name));
        return client;
    }

    /// <summary>A token from <c>POST /api/auth/token</c>.</summary>
    public static async Task<string> Token(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { name, password = Password(name) });
        Assert.True(response.IsSuccessStatusCode, $"token for {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
