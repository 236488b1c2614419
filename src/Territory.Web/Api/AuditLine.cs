namespace Territory.Web.Api;

/// <summary>One line of the audit table as <c>GET /api/audit</c> gives it: the stored fields and their words in the request's language.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Author">Who, or null when unknown (a refused sign-in proves nobody).</param>
/// <param name="Action">The stable code: <c>import</c>, <c>undo</c>, <c>scenario_save</c>, <c>scenario_delete</c>, <c>scenario_apply</c>, <c>user_add</c>, <c>user_change</c>, <c>user_remove</c>, <c>sign_in</c>, <c>sign_in_failed</c>, <c>sign_out</c>.</param>
/// <param name="Target">A layer, a scenario, an account.</param>
/// <param name="Detail">The values as stored (a JSON object; free text on lines written by older versions).</param>
/// <param name="Label">The action in words.</param>
/// <param name="Text">The line in words, counts included.</param>
public sealed record AuditLine(DateTimeOffset At, string? Author, string Action, string Target, string? Detail, string Label, string Text);
