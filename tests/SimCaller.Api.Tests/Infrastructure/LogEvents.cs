using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace SimCaller.Api.Tests.Infrastructure;

/// <summary>Collects what the service logs through Serilog (registered as a sink in its container).</summary>
public sealed class LogEvents : ILogEventSink
{
    public ConcurrentQueue<LogEvent> All { get; } = new();

    public void Emit(LogEvent logEvent) => All.Enqueue(logEvent);

    public IReadOnlyList<LogEvent> Starting(string templatePrefix) =>
        All.Where(e => e.MessageTemplate.Text.StartsWith(templatePrefix, StringComparison.Ordinal)).ToList();
}
