using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems.Transformations;

namespace Territory.Core.Crs;

/// <summary>Reprojects coordinates and geometries between two known CRS (ProjNet).</summary>
/// <remarks>Geographic coordinates are (longitude, latitude) in degrees. Thread-safe.</remarks>
public sealed class Reprojector
{
    private readonly MathTransform? _transform;

    /// <summary>Source EPSG code.</summary>
    public int From { get; }
    /// <summary>Target EPSG code.</summary>
    public int To { get; }

    /// <summary>Creates a transform; throws for an unknown CRS.</summary>
    public Reprojector(int fromEpsg, int toEpsg)
    {
        From = fromEpsg;
        To = toEpsg;
        if (fromEpsg != toEpsg)
        {
            var factory = new CoordinateTransformationFactory();
            _transform = factory.CreateFromCoordinateSystems(CrsRegistry.Get(fromEpsg), CrsRegistry.Get(toEpsg)).MathTransform;
        }
    }

    /// <summary>Transforms one position.</summary>
    public (double X, double Y) Transform(double x, double y)
    {
        if (_transform is null)
            return (x, y);
        // MathTransform keeps no state between calls, but ProjNet does not promise it: serialise.
        lock (_transform)
        {
            var r = _transform.Transform(x, y);
            return (r.x, r.y);
        }
    }

    /// <summary>Returns a transformed copy; the input geometry is never mutated.</summary>
    public Geometry Transform(Geometry geometry)
    {
        var copy = geometry.Copy();
        if (_transform is not null)
        {
            copy.Apply(new TransformFilter(this));
            copy.GeometryChanged();
        }
        copy.SRID = To;
        return copy;
    }

    /// <summary>Transformed copy of a point.</summary>
    public Point Transform(Point point) => (Point)Transform((Geometry)point);

    private sealed class TransformFilter(Reprojector owner) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = owner.Transform(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
