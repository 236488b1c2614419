using Territory.Core.Model;

namespace Territory.Store;

/// <summary>A store that reads its estates by ranges of feature ids: a large layer read in parts on several connections at once.</summary>
internal interface IEstateRanges
{
    /// <summary>The smallest and largest feature ids of the estates, or null without any.</summary>
    (long Min, long Max)? EstateFids();

    /// <summary>The estates whose feature id lies in [<paramref name="from"/>, <paramref name="to"/>], in feature id order.</summary>
    IReadOnlyList<Estate> ReadEstates(long from, long to);
}
