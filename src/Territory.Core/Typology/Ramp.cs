namespace Territory.Core.Typology;

/// <summary>A linear ramp that turns an indicator value into a score between 0 and 1.</summary>
/// <remarks>
/// The score is 0 at <see cref="From"/> and 1 at <see cref="To"/>, linear in between and clamped
/// outside. When <see cref="From"/> is greater than <see cref="To"/> the ramp descends: small
/// values score high.
/// </remarks>
public sealed record Ramp(double From, double To)
{
    /// <summary>Score of <paramref name="value"/>, in [0, 1].</summary>
    public double Score(double value)
    {
        if (From == To)
            return value >= To ? 1 : 0;
        var t = (value - From) / (To - From);
        return Math.Clamp(t, 0, 1);
    }
}
