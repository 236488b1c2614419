namespace Territory.IO.Reference;

/// <summary>A reference row that could not be used in whole or in part (bad code, bad population…).</summary>
/// <param name="File">File name.</param>
/// <param name="Row">Data row number (1-based, header excluded).</param>
/// <param name="Code">INSEE code of the row when it has one.</param>
/// <param name="Reason">The reason as a catalogue message, rendered at the edge.</param>
public sealed record CommuneReferenceIssue(string File, long Row, string? Code, Territory.Core.Messages.Message Reason);
