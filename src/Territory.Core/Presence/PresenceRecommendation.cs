namespace Territory.Core.Presence;

/// <summary>A recommended form of presence with its French reason.</summary>
/// <param name="Form">French label from seed 003 (« lieux relais », « agence mobile »…) or a context form.</param>
/// <param name="Reason">One French sentence citing the values that led to it.</param>
/// <param name="FromContext">False for the forms the seed lists for the type; true when added or sharpened by the territory's context.</param>
public sealed record PresenceRecommendation(string Form, string Reason, bool FromContext);
