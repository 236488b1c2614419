namespace Territory.Core.Scenarios;

/// <summary>What a scenario does to a presence point.</summary>
public enum ScenarioOp
{
    /// <summary>A new point.</summary>
    Add,
    /// <summary>An existing point moved elsewhere.</summary>
    Move,
    /// <summary>An existing point closed.</summary>
    Close,
}

/// <summary>Stable codes of <see cref="ScenarioOp"/> (<c>add</c>, <c>move</c>, <c>close</c>).</summary>
public static class ScenarioOps
{
    /// <summary>The stable code.</summary>
    public static string Code(this ScenarioOp op) => op switch
    {
        ScenarioOp.Add => "add",
        ScenarioOp.Move => "move",
        ScenarioOp.Close => "close",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>Op from its code (<c>remove</c> is read as <c>close</c>); false when unknown.</summary>
    public static bool TryParse(string? code, out ScenarioOp op)
    {
        op = code switch
        {
            "add" => ScenarioOp.Add,
            "move" => ScenarioOp.Move,
            "close" or "remove" => ScenarioOp.Close,
            _ => (ScenarioOp)(-1),
        };
        return (int)op >= 0;
    }
}
