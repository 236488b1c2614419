using System.Runtime.InteropServices;

namespace Territory.Planning.Location;

/// <summary>A linear model with integer coefficients, written once and handed to CP-SAT or to a MIP solver.</summary>
/// <remarks>
/// Rows are lb ≤ Σ coeff × var ≤ ub. A variable marked continuous is integral for CP-SAT (which
/// has no other kind) and continuous for a MIP solver; the formulations only mark continuous the
/// variables that are integral at an optimum anyway.
/// </remarks>
internal sealed class LinearModel
{
    public const long Infinity = long.MaxValue / 4;

    private readonly List<long> _lower = [];
    private readonly List<long> _upper = [];
    private readonly List<bool> _integer = [];
    private readonly List<long> _objective = [];
    private readonly List<long> _hint = [];
    private readonly List<int> _rowStart = [0];
    private readonly List<int> _terms = [];
    private readonly List<long> _coeffs = [];
    private readonly List<long> _rowLower = [];
    private readonly List<long> _rowUpper = [];

    public bool Maximize { get; init; }

    /// <summary>Constant added to the objective.</summary>
    public long ObjectiveOffset { get; set; }

    public int VarCount => _lower.Count;

    public int RowCount => _rowLower.Count;

    public int TermCount => _terms.Count;

    public int AddVar(long lower, long upper, long objective = 0, bool integer = true, long hint = 0)
    {
        _lower.Add(lower); _upper.Add(upper); _integer.Add(integer); _objective.Add(objective); _hint.Add(hint);
        return _lower.Count - 1;
    }

    public void SetHint(int var, long value) => _hint[var] = value;

    public void AddRow(ReadOnlySpan<int> vars, ReadOnlySpan<long> coeffs, long lower, long upper)
    {
        _terms.AddRange(vars);
        _coeffs.AddRange(coeffs);
        _rowStart.Add(_terms.Count);
        _rowLower.Add(lower); _rowUpper.Add(upper);
    }

    public long Lower(int var) => _lower[var];

    public long Upper(int var) => _upper[var];

    public bool IsInteger(int var) => _integer[var];

    public long Objective(int var) => _objective[var];

    public long Hint(int var) => _hint[var];

    public ReadOnlySpan<int> RowVars(int row) => CollectionsMarshal.AsSpan(_terms)[_rowStart[row].._rowStart[row + 1]];

    public ReadOnlySpan<long> RowCoeffs(int row) => CollectionsMarshal.AsSpan(_coeffs)[_rowStart[row].._rowStart[row + 1]];

    public long RowLower(int row) => _rowLower[row];

    public long RowUpper(int row) => _rowUpper[row];
}
