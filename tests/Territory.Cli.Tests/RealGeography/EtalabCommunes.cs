using Xunit.Abstractions;

namespace Territory.Cli.Tests.RealGeography;

/// <summary>
/// The Etalab commune list (<c>communes.json</c> of <c>@etalab/decoupage-administratif@6.0.0</c>),
/// fetched by <c>scripts/test.sh</c> into <c>tests/.cache/</c> and never committed.
/// </summary>
/// <remarks>
/// xunit 2 has no dynamic skip: a test calls <see cref="PathOrNull"/> and returns early when it
/// gets null. Under CI (<c>CI=true</c>) a missing file is a failure, never a silent pass.
/// </remarks>
internal static class EtalabCommunes
{
    public static string CachePath { get; } =
        Path.Combine(TestPaths.RepoRoot, "tests", ".cache", "decoupage-administratif", "communes.json");

    /// <summary>The file, or null (after writing why) when it is missing outside CI.</summary>
    public static string? PathOrNull(ITestOutputHelper output)
    {
        if (File.Exists(CachePath))
            return CachePath;
        var message = $"{CachePath} absent : lancer scripts/test.sh (ou « source scripts/lib/fetch-communes.sh && ensure_communes_json ») pour le télécharger ; test non exécuté.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail("CI=true et " + message);
        output.WriteLine(message);
        return null;
    }
}
