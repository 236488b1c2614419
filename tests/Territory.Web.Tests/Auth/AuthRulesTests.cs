using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Territory.Core.Scenarios;
using Territory.Store.Users;
using Territory.Web.Auth;

namespace Territory.Web.Tests.Auth;

/// <summary>The rules behind sign-in, alone: the role each call needs, who sees and changes which named scenario, the directory's roles.</summary>
public sealed class AuthRulesTests
{
    [Theory]
    [InlineData("GET", "/api/layers/estates", UserRole.Lecture)]
    [InlineData("GET", "/api/export/geopackage", UserRole.Lecture)]
    [InlineData("GET", "/", UserRole.Lecture)]
    [InlineData("POST", "/api/project/reload", UserRole.Lecture)]
    [InlineData("POST", "/api/auth/logout", UserRole.Lecture)]
    [InlineData("POST", "/api/scenario/agencies", UserRole.Planification)]
    [InlineData("DELETE", "/api/scenario/agencies/AG-1", UserRole.Planification)]
    [InlineData("POST", "/api/scenarios", UserRole.Planification)]
    [InlineData("POST", "/api/plan/sites", UserRole.Planification)]
    [InlineData("POST", "/api/scenario/save", UserRole.Administration)]
    [InlineData("POST", "/api/scenarios/Relais nord/apply", UserRole.Administration)]
    [InlineData("POST", "/api/import/commit", UserRole.Administration)]
    [InlineData("GET", "/api/users", UserRole.Administration)]
    [InlineData("GET", "/api/audit", UserRole.Administration)]
    public void Required_ByPathAndMethod_IsTheDocumentedRole(string method, string path, UserRole role)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;

        Assert.Equal(role, AccessRules.Required(context.Request));
    }

    [Theory]
    [InlineData("/connexion", true)]
    [InlineData("/connexion/annuaire", true)]
    [InlineData("/signin-oidc", true)]
    [InlineData("/api/auth/token", true)]
    [InlineData("/api/auth/logout", false)]
    [InlineData("/connexionx", false)]
    [InlineData("/assets/index.js", false)]
    public void IsPublic_OnlyTheWaysIn(string path, bool expected) => Assert.Equal(expected, AccessRules.IsPublic(path));

    [Theory]
    [InlineData("paul", true, UserRole.Planification, true, true)]
    [InlineData("paul", false, UserRole.Planification, true, true)]
    [InlineData("ada", true, UserRole.Planification, true, false)]
    [InlineData("ada", false, UserRole.Planification, false, false)]
    [InlineData("ada", true, UserRole.Administration, true, true)]
    [InlineData("ada", false, UserRole.Administration, false, false)]
    public void Scenario_PrivateToItsAuthorUnlessShared(string user, bool shared, UserRole role, bool sees, bool changes)
    {
        var scenario = new Scenario { Name = "Relais nord", Author = "Paul", Shared = shared };
        var current = new CurrentUser(user, role, true, "local");

        Assert.Equal((sees, changes), (UserContext.CanSee(current, scenario), UserContext.CanChange(current, scenario)));
    }

    [Fact]
    public void Scenario_WithoutSignIn_TheOneLocalUserSeesAndChangesAll()
    {
        var scenario = new Scenario { Name = "Privé", Author = "paul", Shared = false };

        Assert.True(UserContext.CanSee(CurrentUser.Local, scenario));
        Assert.True(UserContext.CanChange(CurrentUser.Local, scenario));
        Assert.Null(CurrentUser.Local.Author);
    }

    [Theory]
    [InlineData(new[] { "GRP_AGENCES" }, UserRole.Lecture)]
    [InlineData(new[] { "GRP_AGENCES", "GRP_TERRITORY_ADMIN" }, UserRole.Administration)]
    [InlineData(new[] { "planification" }, UserRole.Planification)]
    [InlineData(new[] { "[\"GRP_AGENCES\",\"planification\"]" }, UserRole.Planification)]
    [InlineData(new[] { "GRP_COMPTABILITE" }, null)]
    [InlineData(new string[0], null)]
    public void OidcRoles_TheHighestMappedValue(string[] values, UserRole? expected)
    {
        var oidc = new OidcOptions { Roles = { ["GRP_AGENCES"] = "lecture", ["GRP_TERRITORY_ADMIN"] = "administration" } };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(values.Select(v => new Claim("roles", v)), "test"));

        Assert.Equal(expected, OidcRoles.Map(principal, oidc));
    }

    [Theory]
    [InlineData("/carte?x=1", "/carte?x=1")]
    [InlineData("//ailleurs.example/x", "/")]
    [InlineData("/\\ailleurs.example", "/")]
    [InlineData("https://ailleurs.example", "/")]
    [InlineData("/connexion", "/")]
    [InlineData(null, "/")]
    public void SafeReturn_StaysOnThisServer(string? asked, string expected) => Assert.Equal(expected, SignInPage.SafeReturn(asked));
}
