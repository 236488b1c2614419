namespace Territory.Demo;

/// <summary>Fictional, French-sounding names: communes, streets, residences.</summary>
internal static class DemoNames
{
    public const string CityName = "Montbrenac";
    public const string MidTownName = "Saint-Aurel-sur-Vionne";

    private static readonly string[] Heads =
        ["Bel", "Char", "Mont", "Vau", "Sau", "Cor", "Lan", "Mar", "Ver", "Ro", "Bru", "Fon", "Gra", "Lou",
         "Tré", "Vil", "Ars", "Pey", "Aub", "Cham", "Cre", "Jon", "Lab", "Mau", "Ser", "Tal", "Bou", "Gen"];
    private static readonly string[] Middles = ["e", "a", "i", "o", "", "en", "ar"];
    private static readonly string[] VowelJoints = ["r", "n", "l", "v", "ss"];
    private static readonly string[] SoftJoints = ["", "", "r", "n"];

    private static bool IsVowel(char c) => "aeiouyéè".Contains(c, StringComparison.Ordinal);
    private static readonly string[] Tails =
        ["zac", "nay", "ville", "court", "lieu", "mont", "sac", "vert", "ignac", "elles", "ières", "anges",
         "olles", "ac", "et", "ols", "euil", "oux", "ange", "ard"];
    private static readonly string[] Saints = ["Aurel", "Germond", "Lubin", "Amance", "Fréjus", "Ombeline", "Théodard", "Bénigne"];
    private static readonly string[] Rivers = ["Vionne", "Orbeuse", "Sarlette", "Auzonne", "Lisière"];
    private static readonly string[] Suffixes = ["la-Forêt", "les-Bois", "le-Haut", "en-Orbeuse", "les-Vignes"];

    public static string Commune(Random rng, ISet<string> used)
    {
        for (var attempt = 0; ; attempt++)
        {
            var head = Heads[rng.Next(Heads.Length)];
            var tail = Tails[rng.Next(Tails.Length)];
            // Alternate vowels and consonants at the joint, to avoid « Bouiières » or « Arsrnignac ».
            var joints = (IsVowel(head[^1]), IsVowel(tail[0])) switch
            {
                (true, true) => VowelJoints,
                (true, false) => SoftJoints,
                (false, true) => [""],
                _ => Middles,
            };
            var middle = joints[rng.Next(joints.Length)];
            var root = head + middle + tail;
            var p = rng.NextDouble();
            var name = p switch
            {
                < 0.55 => root,
                < 0.70 => $"Saint-{Saints[rng.Next(Saints.Length)]}-{root}",
                < 0.85 => $"{root}-sur-{Rivers[rng.Next(Rivers.Length)]}",
                _ => $"{root}-{Suffixes[rng.Next(Suffixes.Length)]}",
            };
            if (used.Add(name))
                return name;
            if (attempt > 1000)
                throw new InvalidOperationException("Could not find a unique commune name.");
        }
    }

    private static readonly string[] StreetKinds = ["Rue", "Avenue", "Boulevard", "Allée", "Chemin"];
    private static readonly string[] StreetNames =
        ["des Lilas", "Jean Jaurès", "Victor Hugo", "de la République", "des Tilleuls", "du Moulin", "Pasteur",
         "de la Gare", "des Écoles", "du Marché", "Gambetta", "Émile Zola", "des Acacias", "de la Paix",
         "du Stade", "des Jardins", "Jules Ferry", "du Château", "des Vignes", "de l'Église", "Louise Michel",
         "des Peupliers", "Marie Curie", "du Lavoir", "des Forges", "de la Fontaine", "Danton", "Voltaire"];

    /// <summary>Street name number <paramref name="index"/> of a town; distinct for the first 140 indexes.</summary>
    /// <remarks>Names repeat from one town to the next, as they do in France.</remarks>
    public static string Street(int index) =>
        $"{StreetKinds[index % StreetKinds.Length]} {StreetNames[index % StreetNames.Length]}"
        + (index >= StreetKinds.Length * StreetNames.Length ? $" {index / (StreetKinds.Length * StreetNames.Length) + 1}" : "");

    private static readonly string[] ResidenceHeads =
        ["Résidence", "Résidence", "Les Jardins de", "Le Clos de", "Les Terrasses de", "Le Parc de", "Les Hauts de", "Le Domaine de"];
    private static readonly string[] ResidenceNames =
        ["la Roseraie", "l'Orangerie", "Beauséjour", "Bellevue", "la Colline", "les Cèdres", "Montplaisir",
         "la Source", "les Marronniers", "Champfleury", "la Sablière", "les Platanes", "Bel-Air", "la Prairie",
         "les Charmilles", "Val Fleuri", "les Érables", "la Garenne", "le Verger", "les Mésanges"];

    public static string Residence(Random rng) =>
        $"{ResidenceHeads[rng.Next(ResidenceHeads.Length)]} {ResidenceNames[rng.Next(ResidenceNames.Length)]}";

    private static readonly string[] HouseHeads = ["Lotissement", "Pavillons", "Hameau"];
    private static readonly string[] HouseNames =
        ["les Genêts", "la Chênaie", "le Pré Vert", "les Noisetiers", "la Fontaine", "les Bruyères", "le Moulin", "les Saules"];

    public static string Houses(Random rng, string commune) => rng.Next(3) == 0
        ? $"Les Maisons de {commune}"
        : $"{HouseHeads[rng.Next(HouseHeads.Length)]} {HouseNames[rng.Next(HouseNames.Length)]}";

    public static readonly string[] DistrictNames =
        ["Les Coteaux", "Le Val Fleuri", "La Roseraie", "Le Plateau des Brandes", "Les Aubépines", "Les Trois Fontaines"];
}
