using System;

namespace BoardingDsl.Sandbox;

/// <summary>Something that happened in the sandbox, for printing and for tests.</summary>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Kind">What kind of event it is: one of the <see cref="SandboxEventKinds"/> constants.</param>
/// <param name="Message">A one-line description. It never contains the API key.</param>
/// <param name="OrderId">The order the event concerns, when there is one.</param>
public sealed record SandboxEvent(DateTimeOffset At, string Kind, string Message, string? OrderId = null);
