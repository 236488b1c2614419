using Territory.Store;
using Territory.TestSupport;
using Territory.Web.Hosting;
using static Territory.Web.Tests.Support.AuthAccounts;

namespace Territory.Web.Tests.Browser;

/// <summary>
/// The account pages as the organisation's server runs them (docs/deployment.md): the demo project copied into a
/// schema of the test PostGIS server, the accounts written there, the server open to the network (0.0.0.0).
/// Without PostGIS the tests return early; with <c>CI=true</c> they fail.
/// </summary>
[Collection("Browser")]
public sealed class PostGisAuthPageTests(PostGisAuthPageTests.PostGisAccountsServer server) : AuthPages(server), IClassFixture<PostGisAuthPageTests.PostGisAccountsServer>
{
    /// <summary>The browser server over a fresh PostGIS schema holding a copy of the demo project and the accounts.</summary>
    public sealed class PostGisAccountsServer : BrowserServer
    {
        private string? _schema;

        protected override bool Wanted => TestPostGis.Available();

        protected override void Configure(WebOptions options)
        {
            _schema = TestPostGis.NewSchema();
            var location = TestPostGis.Location(_schema);
            using (var source = ProjectStores.Open(options.Project!))
            using (var target = ProjectStores.Open(location))
                ProjectCopy.Run(source, target, overwrite: false);
            Seed(location);
            Add(location, SecondAdmin, Territory.Store.Users.UserRole.Administration);
            options.Project = location;
            options.Host = "0.0.0.0";
        }

        protected override void CleanUp()
        {
            if (_schema is not null)
                TestPostGis.DropSchema(_schema);
        }
    }
}
