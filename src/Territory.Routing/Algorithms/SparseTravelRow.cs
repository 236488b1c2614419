namespace Territory.Routing.Algorithms;

/// <summary>
/// One agency's row of travel cells, stored sparsely: the reached cells (estate index, seconds, metres in
/// parallel arrays), one reason for every other cell (the row's commonest: « no path » across départements),
/// and the few cells that are neither (another reason, or an unusual combination) kept whole.
/// </summary>
/// <remarks>About 20 bytes per reached cell instead of 40 per cell: a row of 150,000 estates of which 10,000
/// are reached takes 0.2 MB instead of 6 MB. Reading a cell is a binary search; the cells are never changed.</remarks>
public sealed class SparseTravelRow
{
    private readonly int[] _reached;
    private readonly double[] _seconds;
    private readonly double[] _meters;
    private readonly string? _reason;
    private readonly int[] _otherIndex;
    private readonly (double? Seconds, double? Meters, string? Reason)[] _other;
    private readonly string?[]? _columnReasons;

    private SparseTravelRow(int length, int[] reached, double[] seconds, double[] meters, string? reason, int[] otherIndex,
        (double?, double?, string?)[] other, string?[]? columnReasons = null)
    {
        _columnReasons = columnReasons;
        Length = length;
        _reached = reached;
        _seconds = seconds;
        _meters = meters;
        _reason = reason;
        _otherIndex = otherIndex;
        _other = other;
    }

    /// <summary>Cells in the row (estates).</summary>
    public int Length { get; }

    /// <summary>Indexes of the reached cells (seconds and metres both known), ascending.</summary>
    public ReadOnlySpan<int> Reached => _reached;

    /// <summary>Seconds of the reached cells, in the order of <see cref="Reached"/>.</summary>
    public ReadOnlySpan<double> Seconds => _seconds;

    /// <summary>Metres of the reached cells, in the order of <see cref="Reached"/>.</summary>
    public ReadOnlySpan<double> Meters => _meters;

    /// <summary>Indexes of the cells kept whole (neither reached nor of the row's reason), ascending.</summary>
    public ReadOnlySpan<int> OtherIndex => _otherIndex;

    /// <summary>The cells kept whole, in the order of <see cref="OtherIndex"/>.</summary>
    public ReadOnlySpan<(double? Seconds, double? Meters, string? Reason)> Other => _other;

    /// <summary>The reason of every cell neither reached nor kept whole nor given by <see cref="ColumnReasons"/>.</summary>
    public string? Reason => _reason;

    /// <summary>
    /// Reasons by estate shared by every row of a matrix (an estate off the roads is unreachable from every agency,
    /// each with its own distance in the text), or null; a non-null entry is the reason of that cell.
    /// </summary>
    public string?[]? ColumnReasons => _columnReasons;

    /// <summary>Bytes held by the row's arrays (for the benchmarks).</summary>
    public long Bytes => 20L * _reached.Length + 48L * _other.Length;

    public (double? Seconds, double? Meters, string? Reason) this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length)
                throw new IndexOutOfRangeException();
            var k = Array.BinarySearch(_reached, index);
            if (k >= 0)
                return (_seconds[k], _meters[k], null);
            k = _otherIndex.Length == 0 ? -1 : Array.BinarySearch(_otherIndex, index);
            if (k >= 0)
                return _other[k];
            return _columnReasons?[index] is { } column ? (null, null, column) : (null, null, _reason);
        }
    }

    /// <summary>The row as one cell per estate.</summary>
    public (double? Seconds, double? Meters, string? Reason)[] ToArray()
    {
        var cells = new (double? Seconds, double? Meters, string? Reason)[Length];
        if (_reason is not null)
            Array.Fill(cells, (null, null, _reason));
        if (_columnReasons is not null)
            for (var i = 0; i < cells.Length; i++)
                if (_columnReasons[i] is { } column)
                    cells[i] = (null, null, column);
        for (var k = 0; k < _reached.Length; k++)
            cells[_reached[k]] = (_seconds[k], _meters[k], null);
        for (var k = 0; k < _otherIndex.Length; k++)
            cells[_otherIndex[k]] = _other[k];
        return cells;
    }

    /// <summary>A sparse copy of a row of cells.</summary>
    public static SparseTravelRow FromCells(ReadOnlySpan<(double? Seconds, double? Meters, string? Reason)> cells)
    {
        var builder = new Builder();
        for (var i = 0; i < cells.Length; i++)
            builder.Add(i, cells[i]);
        return builder.Build(cells.Length);
    }

    /// <summary>A row from its parts (a stored matrix read back): see <see cref="Reached"/>, <see cref="Reason"/>, <see cref="OtherIndex"/>.</summary>
    /// <exception cref="ArgumentException">Lengths differ, or indexes are not ascending within the row.</exception>
    public static SparseTravelRow Create(int length, int[] reached, double[] seconds, double[] meters, string? reason, int[] otherIndex,
        (double? Seconds, double? Meters, string? Reason)[] other, string?[]? columnReasons = null)
    {
        ArgumentNullException.ThrowIfNull(reached);
        ArgumentNullException.ThrowIfNull(seconds);
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(otherIndex);
        ArgumentNullException.ThrowIfNull(other);
        if (seconds.Length != reached.Length || meters.Length != reached.Length || other.Length != otherIndex.Length
            || !Ascending(reached, length) || !Ascending(otherIndex, length) || (columnReasons is not null && columnReasons.Length != length))
            throw new ArgumentException("The parts of a sparse row do not fit together.", nameof(reached));
        return new SparseTravelRow(length, reached, seconds, meters, reason, otherIndex, other, columnReasons);
    }

    private static bool Ascending(int[] indexes, int length)
    {
        for (var i = 0; i < indexes.Length; i++)
            if ((uint)indexes[i] >= (uint)length || (i > 0 && indexes[i] <= indexes[i - 1]))
                return false;
        return true;
    }

    /// <summary>A row where no cell is reached, all for one reason (a source off the roads).</summary>
    public static SparseTravelRow Unreached(int length, string? reason) => new(length, [], [], [], reason, [], []);

    /// <summary>Collects a row's cells in index order, then keeps them sparsely.</summary>
    /// <remarks>
    /// The first reason met (« no path » across départements, for most of a large row) is only counted and marked in a bitmap;
    /// the cells of other reasons are kept with their reason. The commonest reason becomes the row's, as if every reason had
    /// been counted alike: the first one met wins a tie against a later one, the null reason wins every tie.
    /// </remarks>
    internal sealed class Builder
    {
        private readonly List<int> _reached = [];
        private readonly List<double> _seconds = [];
        private readonly List<double> _meters = [];
        private bool _hasFirst;
        private string? _first;
        private int _firstCount;
        private ulong[] _firstCells = [];
        private readonly List<(int Index, string? Reason)> _unreached = [];
        private readonly List<(int Index, (double? Seconds, double? Meters, string? Reason) Cell)> _odd = [];
        private readonly Dictionary<string, int> _reasonCounts = new(StringComparer.Ordinal);
        private int _nullReasons;

        public void Reached(int index, double seconds, double meters)
        {
            _reached.Add(index);
            _seconds.Add(seconds);
            _meters.Add(meters);
        }

        public void Unreached(int index, string? reason)
        {
            if (!_hasFirst)
                (_hasFirst, _first) = (true, reason);
            if (ReferenceEquals(reason, _first) || string.Equals(reason, _first, StringComparison.Ordinal))
            {
                _firstCount++;
                var word = index >> 6;
                if (word >= _firstCells.Length)
                    Array.Resize(ref _firstCells, Math.Max(word + 1, _firstCells.Length * 2));
                _firstCells[word] |= 1UL << (index & 63);
                return;
            }
            _unreached.Add((index, reason));
            if (reason is null)
                _nullReasons++;
            else
                _reasonCounts[reason] = _reasonCounts.GetValueOrDefault(reason) + 1;
        }

        public void Add(int index, (double? Seconds, double? Meters, string? Reason) cell)
        {
            if (cell is { Seconds: { } s, Meters: { } m, Reason: null })
                Reached(index, s, m);
            else if (cell is { Seconds: null, Meters: null })
                Unreached(index, cell.Reason);
            else
                _odd.Add((index, cell));
        }

        /// <summary>Reasons by cell shared with other rows; the cells they give are not added to the builder.</summary>
        public string?[]? ColumnReasons { get; init; }

        public SparseTravelRow Build(int length)
        {
            // The commonest reason of the unreached cells becomes the row's; the other cells are kept whole, in index order.
            string? common = null;
            var best = _hasFirst && _first is null ? _firstCount : _nullReasons;
            if (_hasFirst && _first is not null && _firstCount > best)
                (common, best) = (_first, _firstCount);
            foreach (var (reason, count) in _reasonCounts)
                if (count > best)
                    (common, best) = (reason, count);
            var kept = new List<(int Index, (double?, double?, string?) Cell)>(_odd.Count);
            kept.AddRange(_odd);
            foreach (var (index, reason) in _unreached)
                if (!string.Equals(reason, common, StringComparison.Ordinal))
                    kept.Add((index, (null, null, reason)));
            if (_hasFirst && !string.Equals(_first, common, StringComparison.Ordinal))
                for (var word = 0; word < _firstCells.Length; word++)
                    for (var bits = _firstCells[word]; bits != 0; bits &= bits - 1)
                        kept.Add(((word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits), (null, null, _first)));
            kept.Sort((a, b) => a.Index.CompareTo(b.Index));
            return new SparseTravelRow(length, [.. _reached], [.. _seconds], [.. _meters], common,
                kept.Select(k => k.Index).ToArray(), kept.Select(k => k.Cell).ToArray(), ColumnReasons);
        }
    }
}
