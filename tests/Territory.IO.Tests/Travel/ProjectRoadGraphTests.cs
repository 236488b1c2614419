using Territory.IO.Travel;
using Territory.Routing.Algorithms;
using Territory.Routing.Graph;

namespace Territory.IO.Tests.Travel;

public sealed class ProjectRoadGraphTests
{
    /// <summary>A small two-way grid; <paramref name="slow"/> changes every duration (another graph, same shape).</summary>
    private static RoadGraph Grid(bool slow = false)
    {
        var b = new RoadGraphBuilder();
        for (int y = 0; y < 8; y++)
            for (int x = 0; x < 8; x++)
            {
                int v = b.AddNode(1.40 + x * 0.002, 43.60 + y * 0.002);
                if (x > 0) b.AddEdge(v - 1, v, (slow ? 30 : 10) + (x * y % 7), forward: true, backward: (x + y) % 5 != 0);
                if (y > 0) b.AddEdge(v - 8, v, (slow ? 30 : 10) + (x + y) % 3);
            }
        return b.Build();
    }

    private static double?[] Durations(RoadGraph g, MatrixAlgorithm algorithm)
    {
        var points = Enumerable.Range(0, g.NodeCount).Select(v => (g.GetNodeLon(v), g.GetNodeLat(v))).ToArray();
        var m = TravelTimeMatrix.Compute(g, points[..5], points, new MatrixOptions { Algorithm = algorithm });
        return Enumerable.Range(0, 5).SelectMany(s => Enumerable.Range(0, points.Length).Select(t => m[s, t].DurationSeconds)).ToArray();
    }

    [Fact]
    public void SaveTryLoad_WithHierarchy_WritesBesideTheGraphAndAttachesIt()
    {
        var project = Path.Combine(TestData.NewTempDir(), "p.gpkg");
        var g = Grid();
        g.AttachHierarchy(ContractionHierarchy.Build(g));
        ProjectRoadGraph.Save(g, project);
        Assert.True(File.Exists(ProjectRoadGraph.HierarchyPathFor(project)));
        Assert.EndsWith("p.roads.ch", ProjectRoadGraph.HierarchyPathFor(project));

        var loaded = ProjectRoadGraph.TryLoad(project)!;
        Assert.NotNull(loaded.Hierarchy);
        Assert.Equal(g.Hierarchy!.ArcCount, loaded.Hierarchy!.ArcCount);
        Assert.Equal(Durations(loaded, MatrixAlgorithm.Dijkstra), Durations(loaded, MatrixAlgorithm.Rphast));
    }

    [Fact]
    public void TryLoad_HierarchyOfAnotherGraph_IgnoredAndRoutingStillWorks()
    {
        var dir = TestData.NewTempDir();
        var project = Path.Combine(dir, "p.gpkg");
        var other = Path.Combine(dir, "other.gpkg");
        var fast = Grid();
        fast.AttachHierarchy(ContractionHierarchy.Build(fast));
        ProjectRoadGraph.Save(fast, other);
        ProjectRoadGraph.Save(Grid(slow: true), project);
        File.Copy(ProjectRoadGraph.HierarchyPathFor(other), ProjectRoadGraph.HierarchyPathFor(project));

        var loaded = ProjectRoadGraph.TryLoad(project)!;
        Assert.Null(loaded.Hierarchy);
        Assert.Contains(Durations(loaded, MatrixAlgorithm.Auto), d => d > 30);
    }

    [Fact]
    public void Save_WithoutHierarchy_RemovesTheStaleOne()
    {
        var project = Path.Combine(TestData.NewTempDir(), "p.gpkg");
        var g = Grid();
        g.AttachHierarchy(ContractionHierarchy.Build(g));
        ProjectRoadGraph.Save(g, project);
        ProjectRoadGraph.Save(Grid(slow: true), project);
        Assert.False(File.Exists(ProjectRoadGraph.HierarchyPathFor(project)));
        Assert.Null(ProjectRoadGraph.TryLoad(project)!.Hierarchy);
    }
}
