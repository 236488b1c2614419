using System.Collections;

namespace Territory.Store.Tests.GeoPackage;

/// <summary>A list that calls <c>onAccess(index)</c> whenever an item is read: to cancel or throw midway.</summary>
internal sealed class TrippingList<T>(IReadOnlyList<T> inner, Action<int> onAccess) : IReadOnlyList<T>
{
    public T this[int index]
    {
        get
        {
            onAccess(index);
            return inner[index];
        }
    }

    public int Count => inner.Count;

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < inner.Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
