using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Typology;

namespace Territory.Core.Presence;

/// <summary>Recommended mix of accueil modes for a territory type, with the 2022 survey figures.</summary>
/// <param name="Recommended">Modes recommended for the type.</param>
/// <param name="PermanencePhysique">Advice for « permanence physique ».</param>
/// <param name="SurRendezVous">Advice for « sur rendez-vous ».</param>
/// <param name="PiedImmeuble">Advice for « permanence en pied d'immeuble ».</param>
public sealed record AccueilMix(AccueilModes Recommended, Message PermanencePhysique, Message SurRendezVous, Message PiedImmeuble)
{
    private static readonly (AccueilModes Mode, string Code)[] Modes =
    [
        (AccueilModes.PermanencePhysique, "accueil_mode_physique"),
        (AccueilModes.SurRendezVous, "accueil_mode_rendez_vous"),
        (AccueilModes.PiedImmeuble, "accueil_mode_pied_immeuble"),
    ];

    /// <summary>Labels of <see cref="Recommended"/>, in the survey's order.</summary>
    public IReadOnlyList<Message> RecommendedLabels =>
        Modes.Where(x => Recommended.HasFlag(x.Mode)).Select(x => Message.Of(x.Code)).ToList();

    /// <summary>The 2022 survey of 31 organisations the advice relies on.</summary>
    public static Message Survey { get; } = Message.Of("accueil_survey");

    /// <summary>The mix for a type.</summary>
    public static AccueilMix For(TerritoryType type)
    {
        var code = type.Code();
        var modes = type switch
        {
            TerritoryType.RuralDiffuse or TerritoryType.Isolated => AccueilModes.SurRendezVous | AccueilModes.PermanencePhysique,
            TerritoryType.UrbanCollective => AccueilModes.PermanencePhysique | AccueilModes.SurRendezVous,
            _ => AccueilModes.PermanencePhysique | AccueilModes.SurRendezVous | AccueilModes.PiedImmeuble,
        };
        return new AccueilMix(modes, Message.Of($"accueil_{code}_physique"), Message.Of($"accueil_{code}_rendez_vous"), Message.Of($"accueil_{code}_pied_immeuble"));
    }
}
