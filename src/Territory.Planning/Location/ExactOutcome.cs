namespace Territory.Planning.Location;

/// <summary>What an exact solver returned: status, variable values (null without a solution), objective and bound in model units.</summary>
internal sealed record ExactOutcome(SolveStatus Status, long[]? Values, double Objective, double? Bound, string Method);
