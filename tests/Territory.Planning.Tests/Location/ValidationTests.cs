using Territory.Planning.Location;
using static Territory.Planning.Tests.PlanningTestData;

namespace Territory.Planning.Tests.Location;

public sealed class ValidationTests
{
    private static readonly double?[,] Two = { { 5, 10 }, { 10, 5 } };

    [Theory]
    [InlineData(0, PlanningErrorCodes.CountInvalid)]
    [InlineData(-1, PlanningErrorCodes.CountInvalid)]
    [InlineData(3, PlanningErrorCodes.CountExceedsCandidates)]
    public void Plan_BadCount_ThrowsWithStableCode(int count, string code)
    {
        var e = Assert.Throws<PlanningException>(() => SitePlanner.Plan(Request(PlanningProblem.Mclp, Two, [1, 1], 20, count)));
        Assert.Equal(code, e.Code);
        Assert.Equal(count, e.Values["count"]);
    }

    [Fact]
    public void Plan_MissingCount_ThrowsCountInvalid()
    {
        var e = Assert.Throws<PlanningException>(() => SitePlanner.Plan(Request(PlanningProblem.PMedian, Two, [1, 1], 20, null)));
        Assert.Equal(PlanningErrorCodes.CountInvalid, e.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void Plan_NonPositiveMinutes_ThrowsMinutesInvalid(double minutes)
    {
        var e = Assert.Throws<PlanningException>(() => SitePlanner.Plan(Request(PlanningProblem.Mclp, Two, [1, 1], minutes, 1)));
        Assert.Equal(PlanningErrorCodes.MinutesInvalid, e.Code);
    }

    [Fact]
    public void Plan_MinutesBeyondTheMatrixCutoff_ThrowsMinutesBeyondMatrix()
    {
        var request = Request(PlanningProblem.Mclp, Two, [1, 1], 20, 1) with { Matrix = TimeMatrix(Two, maxMinutes: 15) };
        var e = Assert.Throws<PlanningException>(() => SitePlanner.Plan(request));
        Assert.Equal(PlanningErrorCodes.MinutesBeyondMatrix, e.Code);
        Assert.Equal(15.0, e.Values["matrix_minutes"]);
    }

    [Fact]
    public void Plan_NoCandidate_ThrowsNoCandidates()
    {
        var request = Request(PlanningProblem.Mclp, new double?[0, 2], [1, 1], 20, 1);
        var e = Assert.Throws<PlanningException>(() => SitePlanner.Plan(request));
        Assert.Equal(PlanningErrorCodes.NoCandidates, e.Code);
    }

    [Fact]
    public void Plan_MoreExistingKeptThanCount_ThrowsFixedExceedCount()
    {
        var request = Request(PlanningProblem.Mclp, Two, [1, 1], 20, 1, existing: _ => true, keepExisting: true);
        var e = Assert.Throws<PlanningException>(() => SitePlanner.Plan(request));
        Assert.Equal(PlanningErrorCodes.FixedExceedCount, e.Code);
        Assert.Equal(2, e.Values["fixed"]);
    }

    [Fact]
    public void Plan_ZeroCapacity_ThrowsCapacityInvalid()
    {
        var e = Assert.Throws<PlanningException>(() => SitePlanner.Plan(Request(PlanningProblem.Mclp, Two, [1, 1], 20, 1, capacity: 0)));
        Assert.Equal(PlanningErrorCodes.CapacityInvalid, e.Code);
    }

    [Fact]
    public void Plan_DemandNotAlignedWithMatrix_ThrowsMatrixMismatch()
    {
        var request = Request(PlanningProblem.Mclp, Two, [1, 1], 20, 1) with { Demand = Demand(1, 1, 1) };
        var e = Assert.Throws<PlanningException>(() => SitePlanner.Plan(request));
        Assert.Equal(PlanningErrorCodes.MatrixMismatch, e.Code);
        Assert.Equal("estates", e.Values["what"]);
    }

    [Fact]
    public void Message_IsTheFrenchSentence_ReasonKeepsCodeAndValues()
    {
        var e = new PlanningException(PlanningErrorCodes.CountInvalid, ("count", 0));
        Assert.Equal("nombre de sites invalide (0) : il en faut au moins 1 (--count).", e.Message);
        Assert.Equal(PlanningErrorCodes.CountInvalid, e.Reason.Code);
        Assert.Equal(0, e.Reason["count"]);
    }

    [Fact]
    public void All_EveryCodeHasACatalogueSentence()
    {
        Assert.All(PlanningErrorCodes.All, code => Assert.True(Territory.Core.Messages.Catalogue.Has(code), code));
    }

    [Fact]
    public void All_ListsEveryCodeOnce()
    {
        var constants = typeof(PlanningErrorCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();
        Assert.Equal(constants.Order(), PlanningErrorCodes.All.Order());
        Assert.Equal(PlanningErrorCodes.All.Count, PlanningErrorCodes.All.Distinct().Count());
    }
}
