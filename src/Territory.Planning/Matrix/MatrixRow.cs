namespace Territory.Planning.Matrix;

/// <summary>One site's pairs while a matrix is being built; sorted by estate before it is stored.</summary>
internal sealed class MatrixRow(int capacity = 0)
{
    public int[] Estates = new int[capacity];
    public float[] Seconds = new float[capacity];
    public float[] Meters = new float[capacity];
    public int Count;

    public void Add(int estate, float seconds, float meters)
    {
        if (Count == Estates.Length)
        {
            int size = Math.Max(16, Count * 2);
            Array.Resize(ref Estates, size); Array.Resize(ref Seconds, size); Array.Resize(ref Meters, size);
        }
        Estates[Count] = estate; Seconds[Count] = seconds; Meters[Count] = meters;
        Count++;
    }

    /// <summary>Sorts the pairs by estate index and trims the arrays.</summary>
    public MatrixRow Seal()
    {
        var order = new int[Count];
        for (int i = 0; i < Count; i++) order[i] = i;
        var estates = Estates[..Count];
        Array.Sort(estates, order);
        var seconds = new float[Count];
        var meters = new float[Count];
        for (int i = 0; i < Count; i++) { seconds[i] = Seconds[order[i]]; meters[i] = Meters[order[i]]; }
        (Estates, Seconds, Meters) = (estates, seconds, meters);
        return this;
    }
}
