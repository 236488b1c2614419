using System.Diagnostics;

namespace Territory.Store.Tests.GeoPackage;

/// <summary>Runs GDAL's <c>ogrinfo</c> on a file.</summary>
internal static class OgrInfo
{
    public static string? Path { get; } = Find();

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs <c>ogrinfo args</c>; returns exit code, standard output and standard error.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        Assert.True(Path is not null, "ogrinfo (Debian gdal-bin) is required when CI=true but was not found on PATH.");
        var start = new ProcessStartInfo(Path!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "ogrinfo"))
            .FirstOrDefault(File.Exists);
    }
}
