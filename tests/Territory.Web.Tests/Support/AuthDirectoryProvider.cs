using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Territory.Web.Tests.Support;

/// <summary>
/// The organisation's directory for tests: an OpenIddict OpenID Connect provider on a free loopback port
/// (authorization code + PKCE, signed id tokens, ephemeral keys, no database). The authorization endpoint
/// signs in <see cref="NextUser"/> at once, as a directory does for a user already signed in there.
/// </summary>
internal sealed class AuthDirectoryProvider : IAsyncDisposable
{
    public const string ClientId = "territory";

    private readonly WebApplication _app;

    private AuthDirectoryProvider(WebApplication app, string authority)
    {
        _app = app;
        Authority = authority;
    }

    /// <summary>The provider's address (issuer).</summary>
    public string Authority { get; }

    /// <summary>Who signs in next: their name and the values of their <c>roles</c> claim.</summary>
    public (string Name, string[] Roles) NextUser { get; set; } = ("directory.user", []);

    /// <summary>Where the provider accepts to send users back (the Territory server's callback).</summary>
    public string RedirectUri { get; set; } = "http://localhost/signin-oidc";

    public static async Task<AuthDirectoryProvider> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        AuthDirectoryProvider? self = null;
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("/connect/authorize").SetTokenEndpointUris("/connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile);
            o.RegisterClaims(Claims.PreferredUsername, "roles");
            // No database: the codes are self-contained, clients are checked by the handlers below.
            o.EnableDegradedMode();
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.DisableAccessTokenEncryption();
            o.UseAspNetCore().DisableTransportSecurityRequirement();
            o.AddEventHandler<ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                    context.Reject(Errors.InvalidClient, "unknown client");
                else if (context.RedirectUri != self!.RedirectUri)
                    context.Reject(Errors.InvalidRequest, "unexpected redirect_uri");
                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                    context.Reject(Errors.InvalidClient, "unknown client");
                return default;
            }));
            o.AddEventHandler<HandleAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
            {
                var (name, roles) = self!.NextUser;
                var identity = new ClaimsIdentity("directory", Claims.PreferredUsername, "roles");
                identity.AddClaim(new Claim(Claims.Subject, "sub-" + name));
                identity.AddClaim(new Claim(Claims.PreferredUsername, name));
                foreach (var role in roles)
                    identity.AddClaim(new Claim("roles", role));
                var principal = new ClaimsPrincipal(identity);
                principal.SetScopes(context.Request.GetScopes());
                foreach (var claim in principal.Claims)
                    claim.SetDestinations(Destinations.IdentityToken, Destinations.AccessToken);
                context.SignIn(principal);
                return default;
            }));
        });
        var app = builder.Build();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        self = new AuthDirectoryProvider(app, address + "/");
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
