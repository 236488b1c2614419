using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Territory.Benchmarks.Web;

/// <summary>
/// <c>web-render … --trace</c>: where a first render's time goes — the page's requests (start → end, ms since
/// navigation), the page's own marks, and the renderer's main thread from Chromium's trace (busy time by kind of
/// task: script evaluation, animation frames = the map's drawing, XHR loads = tiles decoded, GC, layout, paint;
/// the tasks longer than 50 ms).
/// </summary>
/// <remarks>The trace is Chromium's own (<c>devtools.timeline</c>, <c>toplevel</c>); its clock is aligned with the
/// page's <c>performance.now()</c> through the <c>boot</c> mark, which the page sets and the trace records.</remarks>
internal static class WebRenderTrace
{
    private static readonly string[] Categories = ["toplevel", "devtools.timeline", "blink.user_timing", "v8.execute", "disabled-by-default-devtools.timeline"];

    /// <summary>Every request of the page (not only the API), in the order they were asked.</summary>
    private const string WaterfallScript = """
        () => performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
          .sort((a, b) => a.startTime - b.startTime)
          .map(e => `${Math.round(e.startTime)}→${Math.round(e.responseEnd)} ${(e.name.split('/').slice(3).join('/') || '/').split('?')[0]} ${Math.round((e.encodedBodySize || 0) / 1024)} KB`)
        """;

    /// <summary>A trace being recorded over the page's DevTools protocol session (events streamed back as they come).</summary>
    public sealed class Recording
    {
        internal readonly List<string> Events = [];
        internal readonly TaskCompletionSource Complete = new(TaskCreationOptions.RunContinuationsAsynchronously);
        internal required ICDPSession Session { get; init; }
    }

    public static async Task<Recording> Start(IBrowserContext context, IPage page)
    {
        var session = await context.NewCDPSessionAsync(page);
        var recording = new Recording { Session = session };
        session.Event("Tracing.dataCollected").OnEvent += (_, e) =>
        {
            if (e is { } data)
                lock (recording.Events)
                    foreach (var ev in data.GetProperty("value").EnumerateArray())
                        recording.Events.Add(ev.GetRawText());
        };
        session.Event("Tracing.tracingComplete").OnEvent += (_, _) => recording.Complete.TrySetResult();
        await session.SendAsync("Tracing.start", new Dictionary<string, object>
        {
            ["traceConfig"] = new Dictionary<string, object> { ["includedCategories"] = Categories },
            ["transferMode"] = "ReportEvents",
        });
        // A sampling profile beside the trace: which functions the main thread ran (self time).
        await session.SendAsync("Profiler.enable");
        await session.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 500 });
        await session.SendAsync("Profiler.start");
        return recording;
    }

    /// <summary>
    /// Each visible layer redrawn alone from its features (its revision bumped: styles applied again, tile images redrawn),
    /// three times, median ms of <c>map.renderSync()</c> on the page's main thread; visibility restored after.
    /// </summary>
    private const string LayerDrawScript = """
        () => {
          const t = window.territory, map = t.map;
          const entries = Object.entries(t.layers);
          const shown = entries.map(([, l]) => l.getVisible());
          const out = [];
          entries.forEach(([name, layer], i) => {
            if (!shown[i]) return;
            entries.forEach(([, l]) => l.setVisible(l === layer));
            map.renderSync();
            const runs = [];
            for (let k = 0; k < 3; k++) { layer.changed(); const t0 = performance.now(); map.renderSync(); runs.push(performance.now() - t0); }
            runs.sort((a, b) => a - b);
            // What a tiled layer holds on screen: features, rings, vertices.
            let shape = '';
            if (layer.get('tiled')) {
              const fs = layer.getFeaturesInExtent(map.getView().calculateExtent(map.getSize()));
              const rings = fs.reduce((n, f) => n + (f.getEnds ? f.getEnds().length : 1), 0);
              const vertices = fs.reduce((n, f) => n + f.getFlatCoordinates().length / 2, 0);
              shape = ` (${fs.length} features, ${rings} rings, ${vertices} vertices)`;
            }
            out.push(`${name} ${Math.round(runs[1])}${shape}`);
          });
          entries.forEach(([, l], i) => l.setVisible(shown[i]));
          map.renderSync();
          return out.join(', ');
        }
        """;

    public static async Task Report(Recording recording, IPage page, double readyAt)
    {
        var profile = await recording.Session.SendAsync("Profiler.stop");
        await recording.Session.SendAsync("Tracing.end");
        await recording.Complete.Task.WaitAsync(TimeSpan.FromMinutes(1));
        byte[] trace;
        lock (recording.Events)
            trace = Encoding.UTF8.GetBytes("[" + string.Join(",", recording.Events) + "]");
        var waterfall = await page.EvaluateAsync<string[]>(WaterfallScript);
        Console.WriteLine("  requests (start→end ms, size gzip): " + string.Join("; ", waterfall));
        var boot = await page.EvaluateAsync<double?>("() => { const m = performance.getEntriesByName('boot')[0]; return m ? m.startTime : null; }");
        if (boot is null)
        {
            Console.WriteLine("  trace: the page set no boot mark; main thread not summarised");
            return;
        }
        Console.WriteLine("  " + MainThread(trace, boot.Value, readyAt));
        if (profile is { } p)
            Console.WriteLine("  " + SelfTime(p.GetProperty("profile")));
        Console.WriteLine("  draw per layer, redrawn alone (ms, median of 3): " + await page.EvaluateAsync<string>(LayerDrawScript));
    }

    /// <summary>The 20 functions with the most self time in the profile (name, script:line), ms.</summary>
    private static string SelfTime(JsonElement profile)
    {
        var names = new Dictionary<int, string>();
        foreach (var node in profile.GetProperty("nodes").EnumerateArray())
        {
            var frame = node.GetProperty("callFrame");
            var url = frame.GetProperty("url").GetString() ?? "";
            names[node.GetProperty("id").GetInt32()] = $"{frame.GetProperty("functionName").GetString() switch { "" or null => "(anonymous)", var f => f }} {url.Split('/').Last()}:{frame.GetProperty("lineNumber").GetInt32() + 1}";
        }
        var samples = profile.GetProperty("samples").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var deltas = profile.GetProperty("timeDeltas").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var self = new Dictionary<string, double>();
        // A sample's time is the delta to the next sample.
        for (int i = 0; i + 1 < samples.Length; i++)
        {
            var name = names[samples[i]];
            self[name] = self.GetValueOrDefault(name) + deltas[i + 1] / 1000;
        }
        // Inclusive time: a node's own samples and its descendants' (a function counted once per call path).
        var children = new Dictionary<int, int[]>();
        foreach (var node in profile.GetProperty("nodes").EnumerateArray())
            children[node.GetProperty("id").GetInt32()] = node.TryGetProperty("children", out var c) ? c.EnumerateArray().Select(e => e.GetInt32()).ToArray() : [];
        var nodeSelf = new Dictionary<int, double>();
        for (int i = 0; i + 1 < samples.Length; i++)
            nodeSelf[samples[i]] = nodeSelf.GetValueOrDefault(samples[i]) + deltas[i + 1] / 1000;
        var total = new Dictionary<string, double>();
        double Walk(int id, HashSet<string> open)
        {
            var name = names[id];
            var outer = open.Add(name);
            var t = nodeSelf.GetValueOrDefault(id) + children[id].Sum(ch => Walk(ch, open));
            if (outer)
            {
                total[name] = total.GetValueOrDefault(name) + t;
                open.Remove(name);
            }
            return t;
        }
        foreach (var root in children.Keys.Except(children.Values.SelectMany(v => v)).ToList())
            Walk(root, []);
        static string Top(Dictionary<string, double> d) => string.Join("; ", d.Where(k => !k.Key.StartsWith('('))
            .OrderByDescending(k => k.Value).Take(20).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value:F0}")));
        return "profile, self time (ms): " + string.Join("; ", self.Where(k => k.Key.StartsWith('(') && !k.Key.StartsWith("(idle)", StringComparison.Ordinal))
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value:F0}"))) + "; " + Top(self)
            + "\n  profile, inclusive time (ms): " + Top(total);
    }

    private sealed record Slice(string Name, double Start, double Duration);

    /// <summary>The main thread's busy time up to <paramref name="readyAt"/> (ms since navigation), by kind.</summary>
    private static string MainThread(byte[] trace, double bootAt, double readyAt)
    {
        using var doc = JsonDocument.Parse(trace);
        var events = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement : doc.RootElement.GetProperty("traceEvents");
        // The renderer that recorded the page's boot mark, and its main thread.
        (int Pid, double Ts)? boot = null;
        foreach (var e in events.EnumerateArray())
            if (Str(e, "name") == "boot" && Str(e, "cat").Contains("user_timing", StringComparison.Ordinal))
            {
                boot = (e.GetProperty("pid").GetInt32(), e.GetProperty("ts").GetDouble());
                break;
            }
        if (boot is null)
            return "trace: no boot mark in Chromium's trace";
        int? tid = null;
        foreach (var e in events.EnumerateArray())
            if (Str(e, "ph") == "M" && Str(e, "name") == "thread_name" && e.GetProperty("pid").GetInt32() == boot.Value.Pid
                && e.GetProperty("args").GetProperty("name").GetString() == "CrRendererMain")
                tid = e.GetProperty("tid").GetInt32();
        if (tid is null)
            return "trace: no renderer main thread";
        // ms since navigation = (ts - bootTs) / 1000 + bootAt.
        double Ms(double ts) => (ts - boot.Value.Ts) / 1000 + bootAt;
        var tasks = new List<Slice>();
        var inner = new List<Slice>();
        foreach (var e in events.EnumerateArray())
        {
            if (Str(e, "ph") != "X" || e.GetProperty("pid").GetInt32() != boot.Value.Pid || e.GetProperty("tid").GetInt32() != tid
                || !e.TryGetProperty("dur", out var dur))
                continue;
            var slice = new Slice(Str(e, "name"), Ms(e.GetProperty("ts").GetDouble()), dur.GetDouble() / 1000);
            if (slice.Start > readyAt || slice.Start + slice.Duration < 0)
                continue;
            (slice.Name is "RunTask" or "ThreadControllerImpl::RunTask" ? tasks : inner).Add(slice);
        }
        tasks.Sort((a, b) => a.Start.CompareTo(b.Start));
        inner.Sort((a, b) => a.Start.CompareTo(b.Start));
        // Each top-level task is named by the longest timeline event inside it (what that task mostly did).
        var byKind = new Dictionary<string, double>();
        var sb = new StringBuilder();
        var longTasks = new List<string>();
        double busy = 0, end = double.MinValue;
        int first = 0;
        foreach (var task in tasks)
        {
            if (task.Start < end)
                continue; // nested in the task before (two levels of RunTask)
            end = task.Start + task.Duration;
            while (first < inner.Count && inner[first].Start < task.Start - 0.001)
                first++;
            Slice? longest = null;
            for (int i = first; i < inner.Count && inner[i].Start <= end; i++)
                if (inner[i].Start + inner[i].Duration <= end + 0.001 && (longest is null || inner[i].Duration > longest.Duration))
                    longest = inner[i];
            var kind = longest?.Name ?? "(other)";
            busy += task.Duration;
            byKind[kind] = byKind.GetValueOrDefault(kind) + task.Duration;
            if (task.Duration >= 50)
                longTasks.Add(string.Create(CultureInfo.InvariantCulture, $"{task.Start:F0}+{task.Duration:F0} {kind}"));
        }
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"main thread busy {busy:F0} ms of {readyAt:F0} ms; by kind: "));
        sb.AppendJoin(", ", byKind.OrderByDescending(k => k.Value).Take(10).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value:F0}")));
        sb.Append("; tasks ≥ 50 ms (start+ms): ").AppendJoin("; ", longTasks);
        return sb.ToString();
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}
