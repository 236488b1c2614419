using Territory.IO.Import;

namespace Territory.IO.Tests.Import;

internal static class ImportAssert
{
    /// <summary>The invariant every import keeps: nothing dropped silently.</summary>
    public static void Balanced(ImportResult r)
    {
        Assert.Equal(r.Read, r.Accepted + r.Rejected);
        Assert.Equal(r.Rejected, r.Issues.Count(i => i.Severity == ImportIssueSeverity.Rejected));
    }
}
