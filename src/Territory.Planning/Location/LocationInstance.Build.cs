using Territory.Planning.Matrix;

namespace Territory.Planning.Location;

internal sealed partial class LocationInstance
{
    /// <summary>Builds the instance of a validated request.</summary>
    public static LocationInstance Create(SitePlanRequest request, bool[] isFixed, long[]? capacity)
    {
        var m = request.Matrix;
        int sites = m.SiteCount, estates = m.EstateCount;
        double limit = request.Minutes * 60;
        // Estate rows (sites within T, by site), transposed from the matrix.
        var count = new int[estates + 1];
        for (int s = 0; s < sites; s++)
        {
            var secs = m.SecondsOf(s);
            var ests = m.EstatesOf(s);
            for (int k = 0; k < ests.Length; k++) if (secs[k] <= limit + 1e-6 && Fits(s, ests[k])) count[ests[k] + 1]++;
        }
        for (int e = 0; e < estates; e++) count[e + 1] += count[e];
        var rowSite = new int[count[estates]];
        var rowTime = new int[rowSite.Length];
        var pos = count[..estates];
        for (int s = 0; s < sites; s++)
        {
            var secs = m.SecondsOf(s);
            var ests = m.EstatesOf(s);
            for (int k = 0; k < ests.Length; k++)
                if (secs[k] <= limit + 1e-6 && Fits(s, ests[k]))
                {
                    int i = pos[ests[k]]++;
                    rowSite[i] = s; rowTime[i] = (int)Math.Round(secs[k]);
                }
        }

        bool integral = request.Demand.All(d => Math.Abs(d.WeightedDwellings - Math.Round(d.WeightedDwellings)) < 1e-9);
        double scale = integral ? 1 : 100;
        var uncoverable = new List<UncoverableEstate>();
        var estateGroup = new int[estates];
        var groupOf = new GroupIndex(count, rowSite, rowTime, byTime: request.Problem is PlanningProblem.PMedian or PlanningProblem.PCenter);
        var representatives = new List<int>();
        for (int e = 0; e < estates; e++)
        {
            if (count[e + 1] == count[e])
            {
                estateGroup[e] = -1;
                uncoverable.Add(new UncoverableEstate(m.EstateIds[e], Reason(e)));
                continue;
            }
            int g = capacity is null ? groupOf.Find(e) : -1;
            if (g < 0) { g = representatives.Count; representatives.Add(e); if (capacity is null) groupOf.Add(e, g); }
            estateGroup[e] = g;
        }

        int groups = representatives.Count;
        var weight = new long[groups];
        var dwellings = new long[groups];
        var memberFirst = new int[groups + 1];
        for (int e = 0; e < estates; e++)
        {
            int g = estateGroup[e];
            if (g < 0) continue;
            weight[g] += (long)Math.Round(request.Demand[e].WeightedDwellings * scale);
            dwellings[g] += request.Demand[e].Dwellings;
            memberFirst[g + 1]++;
        }
        for (int g = 0; g < groups; g++) memberFirst[g + 1] += memberFirst[g];
        var members = new int[memberFirst[groups]];
        var mpos = memberFirst[..groups];
        for (int e = 0; e < estates; e++) if (estateGroup[e] >= 0) members[mpos[estateGroup[e]]++] = e;

        // Group rows sorted by (time, site); then the site side.
        var groupFirst = new int[groups + 1];
        for (int g = 0; g < groups; g++) groupFirst[g + 1] = groupFirst[g] + count[representatives[g] + 1] - count[representatives[g]];
        var groupSite = new int[groupFirst[groups]];
        var groupTime = new int[groupSite.Length];
        var siteCount = new int[sites + 1];
        for (int g = 0; g < groups; g++)
        {
            int e = representatives[g], n = count[e + 1] - count[e];
            var keys = new long[n];
            for (int k = 0; k < n; k++) keys[k] = ((long)rowTime[count[e] + k] << 32) | (uint)rowSite[count[e] + k];
            Array.Sort(keys);
            for (int k = 0; k < n; k++)
            {
                groupSite[groupFirst[g] + k] = (int)(keys[k] & 0xFFFFFFFF);
                groupTime[groupFirst[g] + k] = (int)(keys[k] >> 32);
                siteCount[groupSite[groupFirst[g] + k] + 1]++;
            }
        }
        for (int s = 0; s < sites; s++) siteCount[s + 1] += siteCount[s];
        var siteGroup = new int[groupSite.Length];
        var siteTime = new int[groupSite.Length];
        var spos = siteCount[..sites];
        for (int g = 0; g < groups; g++)
            for (int k = groupFirst[g]; k < groupFirst[g + 1]; k++)
            {
                int i = spos[groupSite[k]]++;
                siteGroup[i] = g; siteTime[i] = groupTime[k];
            }

        int limitSeconds = (int)Math.Floor(limit + 1e-6);
        return new LocationInstance
        {
            Problem = request.Problem, SiteCount = sites, P = request.Problem.NeedsCount() ? request.Count ?? 0 : 0,
            Fixed = isFixed, Capacity = capacity, LimitSeconds = limitSeconds,
            PenaltySeconds = (int)Math.Ceiling(Math.Max(1, request.BeyondReachPenaltyFactor) * Math.Max(1, limitSeconds)),
            WeightScale = scale, Weight = weight, Dwellings = dwellings,
            Cost = request.Candidates.Select(c => c.Existing ? 0 : (long)Math.Round(Math.Max(0, c.YearlyCost ?? 0))).ToArray(),
            Budget = request.BudgetEuros is { } budget ? (long)Math.Floor(budget + 1e-9) : null,
            GroupFirst = groupFirst, GroupSite = groupSite, GroupTime = groupTime,
            SiteFirst = siteCount, SiteGroup = siteGroup, SiteTime = siteTime,
            EstateGroup = estateGroup, MemberFirst = memberFirst, Members = members, Uncoverable = uncoverable,
        };

        bool Fits(int site, int estate) => capacity is null || request.Demand[estate].Dwellings <= capacity[site];

        string Reason(int e)
        {
            if (m.EstateIssues[e] is { } issue) return issue.Code;
            if (capacity is not null)
                for (int s = 0; s < sites; s++)
                    if (m.Seconds(s, e) is { } t && t <= limit + 1e-6) return "over_capacity";
            return "beyond_minutes";
        }
    }

    /// <summary>Finds estates whose reachable rows are identical (sites only, or sites and times), by hash then exact comparison.</summary>
    private sealed class GroupIndex(int[] first, int[] site, int[] time, bool byTime)
    {
        private readonly Dictionary<long, List<(int Estate, int Group)>> _buckets = [];

        public int Find(int estate)
        {
            if (!_buckets.TryGetValue(Hash(estate), out var bucket)) return -1;
            foreach (var (other, group) in bucket) if (Same(estate, other)) return group;
            return -1;
        }

        public void Add(int estate, int group)
        {
            long h = Hash(estate);
            if (!_buckets.TryGetValue(h, out var bucket)) _buckets[h] = bucket = [];
            bucket.Add((estate, group));
        }

        private long Hash(int e)
        {
            ulong h = 1469598103934665603UL;
            for (int k = first[e]; k < first[e + 1]; k++)
            {
                h = (h ^ (uint)site[k]) * 1099511628211UL;
                if (byTime) h = (h ^ (uint)time[k]) * 1099511628211UL;
            }
            return (long)(h ^ (ulong)(first[e + 1] - first[e]));
        }

        private bool Same(int a, int b)
        {
            int n = first[a + 1] - first[a];
            if (n != first[b + 1] - first[b]) return false;
            if (!site.AsSpan(first[a], n).SequenceEqual(site.AsSpan(first[b], n))) return false;
            return !byTime || time.AsSpan(first[a], n).SequenceEqual(time.AsSpan(first[b], n));
        }
    }
}
