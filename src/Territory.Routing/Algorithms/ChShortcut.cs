namespace Territory.Routing.Algorithms;

/// <summary>A shortcut From → To standing for the path From → v → To through a contracted node v (weight in ms, distance in metres).</summary>
internal readonly record struct ChShortcut(int From, int To, int WeightMs, float DistanceMeters);
