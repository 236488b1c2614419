using Territory.Routing.Snapping;

namespace Territory.Planning.Matrix;

/// <summary>Computes one site's row of a road matrix; one instance per thread.</summary>
internal interface IMatrixRows
{
    MatrixRow Row(in RoadSnap site);
}
