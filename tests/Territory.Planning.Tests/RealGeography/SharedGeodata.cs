using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using Xunit.Abstractions;

namespace Territory.Planning.Tests.RealGeography;

/// <summary>The real public geodata of <c>../shared/geodata</c> (see its SOURCES.md), read as GeoJSON features.</summary>
/// <remarks>
/// xunit 2 has no dynamic skip: a test calls <see cref="PathOrNull"/> and returns early when it gets
/// null. Under CI (<c>CI=true</c>) a missing file is a failure, never a silent pass.
/// </remarks>
internal static class SharedGeodata
{
    /// <summary>The file, or null (after writing why) when it is missing outside CI.</summary>
    public static string? PathOrNull(string relative, ITestOutputHelper output)
    {
        var path = TestPaths.Shared(relative);
        if (File.Exists(path))
            return path;
        var message = $"{path} absent : données partagées introuvables à côté du dépôt ; test non exécuté.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail("CI=true et " + message);
        output.WriteLine(message);
        return null;
    }

    public static FeatureCollection Read(string path)
    {
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<FeatureCollection>(stream, options) ?? throw new InvalidDataException(path);
    }
}
