using Microsoft.AspNetCore.Diagnostics;
using Territory.Core.Messages;
using Territory.IO.Import;
using Territory.Store;
using Territory.Web.State;

namespace Territory.Web.Hosting;

/// <summary>
/// Turns every expected failure into its own ProblemDetails: a file that cannot be read (400), a
/// reason from the logic (400), a project changed by someone else (409), a slow or oversized body
/// (408/413), a busy or stale project (503 with <c>Retry-After</c>). Only genuine bugs remain a 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying a busy project.</summary>
    public const int RetryAfterSeconds = 2;

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody reads an answer (nginx's 499).
            context.Response.StatusCode = 499;
            return true;
        }
        var session = context.RequestServices.GetService<ProjectSession>();
        var (status, reason, extensions) = Classify(exception, session?.ProjectPath);
        if (status >= 500 && reason.Code == "problem_detail_internal")
            log.LogError(exception, "{Method} {Path}", context.Request.Method, context.Request.Path);
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.StatusCode = status;
        var lang = RequestLang.Of(context);
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Title = Catalogue.Text(lang, Problems.TitleCode(status)),
            Detail = reason.Render(lang),
        };
        problem.Extensions["code"] = reason.Code;
        foreach (var (k, v) in extensions)
            problem.Extensions[k] = v;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Status, reason and extra members for an exception.</summary>
    internal static (int Status, Message Reason, Dictionary<string, object?> Extensions) Classify(Exception e, string? project)
    {
        var none = new Dictionary<string, object?>(StringComparer.Ordinal);
        switch (e)
        {
            case ProjectChangedException changed:
                return (StatusCodes.Status409Conflict, changed.Reason, new() { ["seen"] = changed.Seen, ["dataVersion"] = changed.Now });
            case StaleVersionException stale:
                return (StatusCodes.Status409Conflict, stale.Reason, new() { ["seen"] = stale.Expected, ["dataVersion"] = stale.Actual });
            case SessionStaleException sessionStale:
                return (StatusCodes.Status503ServiceUnavailable, sessionStale.Reason, none);
            case ServerBusyException busy:
                return (StatusCodes.Status503ServiceUnavailable, busy.Reason, none);
            case Auth.AccessDeniedException denied:
                return (StatusCodes.Status403Forbidden, denied.Reason, none);
            case ImportException import:
                return (StatusCodes.Status400BadRequest, import.Reason, import.Layers.Count > 0 ? new() { ["layers"] = import.Layers } : none);
            case BadHttpRequestException bad:
                return (bad.StatusCode, Message.Of(Problems.DetailCode(bad.StatusCode)), none);
        }
        if (StoreFailureException.From(e, project) is { } failure)
            return (StatusCodes.Status503ServiceUnavailable, failure.Reason, new() { ["failure"] = failure.Kind.ToString().ToLowerInvariant() });
        if (e is ReasonException reason)
            return (StatusCodes.Status400BadRequest, reason.Reason, none);
        return (StatusCodes.Status500InternalServerError, Message.Of("problem_detail_internal", ("type", e.GetType().Name)), none);
    }
}
