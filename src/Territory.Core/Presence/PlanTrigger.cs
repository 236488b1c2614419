namespace Territory.Core.Presence;

/// <summary>The measured value that decided a form's status, and the threshold it was compared with.</summary>
/// <param name="Name">Stable code of the measure (<c>minutes_to_nearest_office</c>, <c>dwellings</c>…); its label is <c>trigger_</c> + name in the catalogue.</param>
/// <param name="Value">The measured value (minutes, dwellings, landlords…); null when it could not be measured.</param>
/// <param name="Threshold">The configured threshold (see <c>docs/typologie.md</c>).</param>
public sealed record PlanTrigger(string Name, double? Value, double Threshold);
