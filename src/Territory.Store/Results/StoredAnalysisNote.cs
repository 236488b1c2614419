using Territory.Core.Messages;

namespace Territory.Store.Results;

/// <summary>What a command or the map says about where its analysis came from: the project's stored one, or a new computation and why.</summary>
public static class StoredAnalysisNote
{
    /// <summary>The sentence for <paramref name="outcome"/>.</summary>
    public static Message Of(ProjectAnalysisOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.AnalysisReused)
            return Message.Of("stored_analysis_reused");
        if (outcome.Changed.Count == 0)
            return Message.Of(outcome.ReviewReused ? "stored_analysis_computed_review_reused" : "stored_analysis_computed");
        var inputs = outcome.Changed.Select(c => Message.Of("stored_input_" + (c is "estates" or "agencies" or "communes" or "qpv" or "graph" or "config" or "sites" ? c : "format"))).ToList();
        // One message per changed input, joined by the catalogue's list template so each language words it.
        var list = inputs.Skip(1).Aggregate(inputs[0], (acc, next) => Message.Of("stored_input_list", ("first", acc), ("next", next)));
        return Message.Of(outcome.ReviewReused ? "stored_analysis_recomputed_review_reused" : "stored_analysis_recomputed", ("inputs", list));
    }
}
