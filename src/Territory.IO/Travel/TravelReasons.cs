using System.Globalization;
using System.Text.RegularExpressions;
using Territory.Core.Messages;

namespace Territory.IO.Travel;

/// <summary>
/// The routing library's unreachable and snapping reasons as catalogue messages, so the CLI, the map
/// and the exports say them in French or English.
/// </summary>
/// <remarks>
/// Routing composes its reasons from a few fixed phrases (« estate not snapped: nearest road 1708 m
/// away (&gt; 500 m) », « no road path from the managing agency: target not snapped: … »); each
/// phrase maps to one code and its numbers become the message's values. A phrase this reader does
/// not know is kept as written (<c>routing_reason_text</c>) rather than lost.
/// </remarks>
public static partial class TravelReasons
{
    /// <summary>The message for a routing reason, or null for none.</summary>
    public static Message? Of(string? reason) => reason is null ? null : Parse(reason.Trim());

    /// <summary>The reason rendered in <paramref name="lang"/>, or null for none.</summary>
    public static string? Render(string? reason, Lang lang) => Of(reason)?.Render(lang);

    private static Message Parse(string text)
    {
        foreach (var (prefix, subject) in Subjects)
        {
            if (!text.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var rest = text[prefix.Length..];
            if (rest.StartsWith("not snapped: ", StringComparison.Ordinal))
                return Snap(rest["not snapped: ".Length..], subject);
            if (Isolated().Match(rest) is { Success: true } iso)
                return Message.Of($"routing_{subject}_isolated", ("distance", Number(iso.Groups[1].Value)), ("reason", Snap(iso.Groups[2].Value, null)));
        }
        if (text.StartsWith(ManagingPrefix, StringComparison.Ordinal))
            return Message.Of("routing_no_path_from_managing", ("reason", Parse(text[ManagingPrefix.Length..])));
        if (Beyond().Match(text) is { Success: true } beyond)
            return Message.Of("routing_beyond_estimate_limit", ("minutes", Number(beyond.Groups[1].Value)));
        return text switch
        {
            "no agency" => Message.Of("routing_no_agency"),
            "no agency reaches the estate by road" => Message.Of("routing_no_agency_reaches"),
            "no path" => Message.Of("routing_no_path"),
            "no path between the snapped points" => Message.Of("routing_no_path_between"),
            _ => Snap(text, null),
        };
    }

    // A snapping failure on its own (« nearest road 812 m away (> 500 m) »), with its subject when one was named.
    private static Message Snap(string text, string? subject)
    {
        Message reason;
        if (TooFar().Match(text) is { Success: true } far)
            reason = Message.Of("routing_snap_too_far", ("distance", Number(far.Groups[1].Value)), ("limit", Number(far.Groups[2].Value)));
        else if (NoRoadWithin().Match(text) is { Success: true } within)
            reason = Message.Of("routing_snap_no_road_within", ("km", Number(within.Groups[1].Value)));
        else if (text == "no routable road in the graph")
            reason = Message.Of("routing_snap_no_road");
        else if (text.StartsWith("outside the road network's coverage", StringComparison.Ordinal))
            reason = Message.Of("routing_snap_outside_network");
        else if (Isolated().Match(text) is { Success: true } iso)
            return Message.Of($"routing_{subject ?? "point"}_isolated", ("distance", Number(iso.Groups[1].Value)), ("reason", Snap(iso.Groups[2].Value, null)));
        else
            reason = Message.Of("routing_reason_text", ("text", text));
        return subject is null ? reason : Message.Of($"routing_{subject}_not_snapped", ("reason", reason));
    }

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private const string ManagingPrefix = "no road path from the managing agency: ";

    // The travel matrix is agencies (sources) × estates (targets) everywhere these reasons come from.
    private static readonly (string Prefix, string Subject)[] Subjects =
    [
        ("estate ", "estate"), ("agency ", "agency"), ("origin ", "origin"), ("destination ", "destination"),
        ("source ", "agency"), ("target ", "estate"),
    ];

    // A straight-line cell the bounded review did not keep (Routing's StraightLineRows.BeyondReason).
    [GeneratedRegex(@"^beyond (\d+(?:\.\d+)?) min in straight line$")]
    private static partial Regex Beyond();

    [GeneratedRegex(@"^nearest road (\d+(?:\.\d+)?) m away \(> (\d+(?:\.\d+)?) m\)$")]
    private static partial Regex TooFar();

    [GeneratedRegex(@"^no road within (\d+(?:\.\d+)?) km$")]
    private static partial Regex NoRoadWithin();

    [GeneratedRegex(@"^outside the largest connected road network: nearest road (\d+(?:\.\d+)?) m away is isolated; (.*)$")]
    private static partial Regex Isolated();
}
