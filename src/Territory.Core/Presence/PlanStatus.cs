namespace Territory.Core.Presence;

/// <summary>Where a form of presence stands in a territory.</summary>
public enum PlanStatus
{
    /// <summary>« présent »: an existing point or staff of that kind already serves the territory.</summary>
    Present,
    /// <summary>« à créer »: retained, nothing of that kind serves it.</summary>
    ToCreate,
    /// <summary>« à renforcer »: retained, what exists serves only part of it.</summary>
    ToReinforce,
    /// <summary>« non retenu »: the measured trigger does not call for it (or an exclusive form is retained).</summary>
    NotRetained,
}
