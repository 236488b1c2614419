namespace Territory.Planning.Location;

/// <summary>Lazy greedy selection: the best stored gain is recomputed before it is taken (gains only shrink as sites open).</summary>
/// <remarks>Ties go to the lower site index, so plans are reproducible.</remarks>
internal sealed class GreedyQueue
{
    private readonly PriorityQueue<int, (long NegGain, int Site)> _queue = new();

    public void Push(int site, long gain) => _queue.Enqueue(site, (-gain, site));

    public int Count => _queue.Count;

    /// <summary>Pops the site with the largest current gain, or -1 when empty.</summary>
    public int PopBest(Func<int, long> currentGain, out long gain)
    {
        while (_queue.TryDequeue(out int site, out var stored))
        {
            gain = currentGain(site);
            if (gain >= -stored.NegGain || _queue.Count == 0 || !_queue.TryPeek(out _, out var next) || (-gain, site).CompareTo(next) <= 0)
                return site;
            _queue.Enqueue(site, (-gain, site));
        }
        gain = 0;
        return -1;
    }
}
