using Territory.Core.Analysis;
using Territory.Core.Messages;

namespace Territory.IO.Reports;

/// <summary>An agency's management model (Questionnaire 2022: three models by staff, and the 25–30 gap) and responsibility perimeter model (1–6) in words.</summary>
public static class AgencyModelTexts
{
    /// <summary>The management model's sentence with the staff count.</summary>
    public static string Management(ManagementModel model, int? staff, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Model switch
        {
            null => Catalogue.Text(lang, "management_model_unknown"),
            2 when model.Transition => Catalogue.Text(lang, "management_model_2_transition", ("staff", staff ?? 0)),
            _ => Catalogue.Text(lang, $"management_model_{model.Model}", ("staff", staff ?? 0)),
        };
    }

    /// <summary>The perimeter model's name (« Modèle 1 « gestion courante » »), or that it is not given.</summary>
    public static string Perimeter(int? model, Lang lang) =>
        Catalogue.Text(lang, model is >= 1 and <= 6 ? $"perimeter_model_{model}" : "perimeter_model_unknown");
}
