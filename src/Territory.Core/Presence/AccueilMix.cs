using Territory.Core.Model;

namespace Territory.Core.Presence;

/// <summary>Recommended mix of accueil modes for a territory type, with the 2022 survey figures.</summary>
/// <param name="Recommended">Modes recommended for the type.</param>
/// <param name="PermanencePhysique">French advice for « permanence physique ».</param>
/// <param name="SurRendezVous">French advice for « sur rendez-vous ».</param>
/// <param name="PiedImmeuble">French advice for « permanence en pied d'immeuble ».</param>
public sealed record AccueilMix(AccueilModes Recommended, string PermanencePhysique, string SurRendezVous, string PiedImmeuble)
{
    /// <summary>French labels of <see cref="Recommended"/>, in the survey's order.</summary>
    public IReadOnlyList<string> RecommendedLabels =>
        new (AccueilModes Mode, string Label)[]
        {
            (AccueilModes.PermanencePhysique, "permanence physique"),
            (AccueilModes.SurRendezVous, "sur rendez-vous"),
            (AccueilModes.PiedImmeuble, "permanence en pied d'immeuble"),
        }.Where(x => Recommended.HasFlag(x.Mode)).Select(x => x.Label).ToList();

    /// <summary>French citation of the survey (seed 003, questionnaire 2022, 31 organismes).</summary>
    public const string Survey =
        "Enquête 2022 auprès de 31 organismes (seed 003) : permanence d'accueil physique 29, accueil sur rendez-vous 19, " +
        "permanences en pied d'immeuble 7 ; l'accueil sur rendez-vous progresse.";
}
