using Territory.Web.Hosting;
using static Territory.Web.Tests.Support.AuthAccounts;

namespace Territory.Web.Tests.Browser;

/// <summary>The account pages over a GeoPackage project served on this computer.</summary>
[Collection("Browser")]
public sealed class AuthPageTests(AuthPageTests.AccountsServer server) : AuthPages(server), IClassFixture<AuthPageTests.AccountsServer>
{
    /// <summary>The browser server with the accounts written into its project before it starts.</summary>
    public sealed class AccountsServer : BrowserServer
    {
        protected override void Configure(WebOptions options)
        {
            Seed(options.Project!);
            Add(options.Project!, SecondAdmin, Territory.Store.Users.UserRole.Administration);
        }
    }
}
