namespace Territory.Store.Users;

/// <summary>One line of the project's audit table: who did what, when, on what, with counts.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Author">Who (a user name, the operating-system user for the command line), or null when unknown.</param>
/// <param name="Action">What: <c>import</c>, <c>undo</c>, <c>scenario_save</c>, <c>scenario_delete</c>, <c>user_add</c>, <c>user_change</c>, <c>user_remove</c>…</param>
/// <param name="Target">On what: a layer, a scenario, a user.</param>
/// <param name="Detail">Counts and particulars, or null.</param>
public sealed record AuditEntry(DateTimeOffset At, string? Author, string Action, string Target, string? Detail);
