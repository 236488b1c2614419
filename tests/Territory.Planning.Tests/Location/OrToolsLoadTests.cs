using Google.OrTools.Sat;

namespace Territory.Planning.Tests.Location;

public sealed class OrToolsLoadTests
{
    [Fact]
    public void CpSat_TinyModel_SolvesOptimal()
    {
        var model = new CpModel();
        var x = model.NewBoolVar("x");
        model.Maximize(x);
        var solver = new CpSolver();
        Assert.Equal(CpSolverStatus.Optimal, solver.Solve(model));
        Assert.Equal(1, solver.Value(x));
    }
}
