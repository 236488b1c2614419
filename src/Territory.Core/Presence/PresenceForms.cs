namespace Territory.Core.Presence;

/// <summary>Stable codes of <see cref="PresenceForm"/> and <see cref="PlanStatus"/> (JSON, exports, catalogue).</summary>
public static class PresenceForms
{
    /// <summary>Stable code (<c>relay_place</c>…).</summary>
    public static string Code(this PresenceForm form) => form switch
    {
        PresenceForm.RelayPlace => "relay_place",
        PresenceForm.MobileAgency => "mobile_agency",
        PresenceForm.SiteCaretakers => "site_caretakers",
        PresenceForm.GroupedOffice => "grouped_office",
        PresenceForm.ReinforcedSiteManagement => "reinforced_site_management",
        PresenceForm.DistrictAntenna => "district_antenna",
        PresenceForm.DistrictAgency => "district_agency",
        PresenceForm.InterLandlord => "inter_landlord",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    /// <summary>Catalogue code of the form's label.</summary>
    public static string LabelCode(this PresenceForm form) => "form_" + form.Code();

    /// <summary>Stable code (<c>present</c>, <c>to_create</c>, <c>to_reinforce</c>, <c>not_retained</c>).</summary>
    public static string Code(this PlanStatus status) => status switch
    {
        PlanStatus.Present => "present",
        PlanStatus.ToCreate => "to_create",
        PlanStatus.ToReinforce => "to_reinforce",
        PlanStatus.NotRetained => "not_retained",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Catalogue code of the status label (« présent », « à créer »…).</summary>
    public static string LabelCode(this PlanStatus status) => "plan_status_" + status.Code();

    /// <summary>True for « à créer » and « à renforcer »: what a director acts on.</summary>
    public static bool IsAction(this PlanStatus status) => status is PlanStatus.ToCreate or PlanStatus.ToReinforce;

    /// <summary>Form from its code; false for an unknown code.</summary>
    public static bool TryParse(string? code, out PresenceForm form)
    {
        foreach (var f in Enum.GetValues<PresenceForm>())
        {
            if (string.Equals(f.Code(), code, StringComparison.Ordinal))
            {
                form = f;
                return true;
            }
        }
        form = default;
        return false;
    }
}
