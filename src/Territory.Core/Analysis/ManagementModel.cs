using Territory.Core.Messages;

namespace Territory.Core.Analysis;

/// <summary>Agency management model of the workshop « Le management d'agence » (questionnaire 2022), from its staff.</summary>
/// <param name="Model">1, 2 or 3; null when staff is unknown.</param>
/// <param name="Transition">True for 26–30 collaborators, between model 2 (15–25) and model 3 (&gt; 30).</param>
/// <param name="Description">Description with the staff count (catalogue message).</param>
public sealed record ManagementModel(int? Model, bool Transition, Message Description)
{
    /// <summary>
    /// Model from collaborators excluding site staff: &lt; 15 → 1; 15–25 → 2; 26–30 → 2 flagged
    /// transition (the source leaves this gap; a head with one deputy still fits, specialised deputies are
    /// its answer above 30); &gt; 30 → 3.
    /// </summary>
    public static ManagementModel FromStaff(int? staff) => staff switch
    {
        null => new(null, false, Message.Of("management_unknown")),
        < 15 => new(1, false, Message.Of("management_model_1", ("staff", staff.Value))),
        <= 25 => new(2, false, Message.Of("management_model_2", ("staff", staff.Value))),
        <= 30 => new(2, true, Message.Of("management_model_2_transition", ("staff", staff.Value))),
        _ => new(3, false, Message.Of("management_model_3", ("staff", staff.Value))),
    };

    /// <summary>The model a staff of <paramref name="fte"/> collaborators calls for (1, 2 or 3).</summary>
    public static int ModelFor(double fte) => fte < 15 ? 1 : fte <= 30 ? 2 : 3;

    /// <summary>Not applicable to a lodge, relay place or mobile-agency stop.</summary>
    public static ManagementModel NotAnOffice { get; } = new(null, false, Message.Of("management_not_office"));
}
