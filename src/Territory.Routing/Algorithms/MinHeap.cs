namespace Territory.Routing.Algorithms;

/// <summary>Binary min-heap of (cost, node) packed into one ulong; lazy deletion is left to the caller.</summary>
internal sealed class MinHeap
{
    private ulong[] _items = new ulong[1024];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    /// <summary>Cost of the smallest item; the heap must not be empty.</summary>
    public long PeekCost => (long)(_items[0] >> 32);

    public void Push(long cost, int node)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        ulong item = ((ulong)cost << 32) | (uint)node;
        int i = Count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (_items[parent] <= item) break;
            _items[i] = _items[parent];
            i = parent;
        }
        _items[i] = item;
    }

    public (long Cost, int Node) Pop()
    {
        ulong top = _items[0];
        ulong last = _items[--Count];
        int i = 0, n = Count;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= n) break;
            if (child + 1 < n && _items[child + 1] < _items[child]) child++;
            if (_items[child] >= last) break;
            _items[i] = _items[child];
            i = child;
        }
        if (n > 0) _items[i] = last;
        return ((long)(top >> 32), (int)(top & 0xFFFFFFFF));
    }
}
