using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

public sealed class SearchApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task Search_CommuneTypedWithoutAccentsOrCapitals_FindsIt()
    {
        using var client = factory.App();
        var names = (await Json.Features(client, "/api/layers/communes")).Select(f => Json.Str(f, "name")).ToList();
        var commune = names.FirstOrDefault(n => n != StripAccents(n));
        Assert.True(commune is not null, string.Join(", ", names));
        var typed = StripAccents(commune).ToLowerInvariant();

        var hits = (await Json.Get(client, "/api/search?q=" + Uri.EscapeDataString(typed))).EnumerateArray().ToList();

        var hit = Assert.Single(hits, h => h.GetProperty("kind").GetString() == "commune" && h.GetProperty("label").GetString() == commune);
        var extent = hit.GetProperty("extent").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.True(extent[0] < extent[2] && extent[1] < extent[3]);
        Assert.InRange(extent[0], -6, 10);
    }

    [Fact]
    public async Task Search_Prefix_RanksPrefixMatchesFirst()
    {
        using var client = factory.App();
        var name = (await Json.Features(client, "/api/layers/communes")).Select(f => Json.Str(f, "name")).First(n => n.Length >= 5);
        var prefix = name[..4];

        var labels = (await Json.Get(client, "/api/search?limit=100&q=" + Uri.EscapeDataString(prefix))).EnumerateArray()
            .Select(h => StripAccents(h.GetProperty("label").GetString()!).ToLowerInvariant()).ToList();

        var wanted = StripAccents(prefix).ToLowerInvariant();
        Assert.NotEmpty(labels);
        Assert.StartsWith(wanted, labels[0]);
        var firstNonPrefix = labels.FindIndex(l => !l.StartsWith(wanted, StringComparison.Ordinal));
        if (firstNonPrefix >= 0)
            Assert.DoesNotContain(labels.Skip(firstNonPrefix), l => l.StartsWith(wanted, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_NoMatch_IsEmpty()
    {
        using var client = factory.App();
        Assert.Equal(0, (await Json.Get(client, "/api/search?q=zzqxwv")).GetArrayLength());
    }

    // By table, as a user types: string.Normalize does not decompose under invariant globalization.
    private static string StripAccents(string text)
    {
        const string accented = "àâäéèêëîïôöùûüçÀÂÄÉÈÊËÎÏÔÖÙÛÜÇ";
        const string plain = "aaaeeeeiioouuucAAAEEEEIIOOUUUC";
        return new string(text.Select(c => accented.IndexOf(c) is var i and >= 0 ? plain[i] : c).ToArray());
    }
}
