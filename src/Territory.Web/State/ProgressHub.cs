using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Threading.Channels;

namespace Territory.Web.State;

/// <summary>Progress of long server work (import, analysis, save), broadcast to every open map as Server-Sent Events.</summary>
public sealed class ProgressHub
{
    private readonly ConcurrentDictionary<Guid, Channel<SseItem<ProgressEvent>>> _subscribers = new();

    /// <summary>Events until the client goes away.</summary>
    public async IAsyncEnumerable<SseItem<ProgressEvent>> Subscribe([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<SseItem<ProgressEvent>>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[id] = channel;
        try
        {
            yield return new SseItem<ProgressEvent>(new ProgressEvent("hello", "", 0, null), "hello");
            await foreach (var item in channel.Reader.ReadAllAsync(ct))
                yield return item;
        }
        finally
        {
            _subscribers.TryRemove(id, out _);
        }
    }

    /// <summary>A progress reporter for one task; reports at most every 1 % to keep the stream light.</summary>
    public IProgress<double> Task(string task, string label) => new Reporter(this, task, label);

    /// <summary>Announces the end of a task and the project version it produced.</summary>
    public void Done(string task, int version) => Publish(new SseItem<ProgressEvent>(new ProgressEvent(task, "", 1, version), "done"));

    /// <summary>Announces the end of a task that changes no version (the map hides its bar).</summary>
    public void Finished(string task) => Publish(new SseItem<ProgressEvent>(new ProgressEvent(task, "", 1, null), "done"));

    /// <summary>Announces that a task's write is committed in the store, at <paramref name="dataVersion"/> (the map's reload follows with <c>done</c>).</summary>
    public void Committed(string task, long dataVersion) =>
        Publish(new SseItem<ProgressEvent>(new ProgressEvent(task, "", 1, null) { DataVersion = dataVersion }, "committed"));

    private void Publish(SseItem<ProgressEvent> item)
    {
        foreach (var channel in _subscribers.Values)
            channel.Writer.TryWrite(item);
    }

    private sealed class Reporter(ProgressHub hub, string task, string label) : IProgress<double>
    {
        private int _last = -1;

        public void Report(double value)
        {
            var percent = (int)Math.Clamp(value * 100, 0, 100);
            if (Interlocked.Exchange(ref _last, percent) == percent)
                return;
            hub.Publish(new SseItem<ProgressEvent>(new ProgressEvent(task, label, percent / 100.0, null), "progress"));
        }
    }
}

/// <summary>One progress event: task, French label, fraction done, and the project version once done.</summary>
public sealed record ProgressEvent(string Task, string Label, double Fraction, int? Version)
{
    /// <summary>The project's data version a commit produced (<c>committed</c> events).</summary>
    public long? DataVersion { get; init; }
}
