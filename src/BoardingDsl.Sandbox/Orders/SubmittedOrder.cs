using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace BoardingDsl.Sandbox.Orders;

/// <summary>A submitted order and where it is in its status walk. Its status is read and written under a lock.</summary>
internal sealed class SubmittedOrder
{
    /// <summary>The statuses that end the walk (CCV's final statuses).</summary>
    private static readonly HashSet<string> FinalStatuses = new(StringComparer.Ordinal) { "Completed", "Closed", "Canceled", "Failed" };

    private readonly object _gate = new();
    private string _status;

    public SubmittedOrder(string id, JsonObject request, SandboxOutcome outcome)
    {
        Id = id;
        Request = request;
        Outcome = outcome;
        ExternalReference = request["externalReference"] is JsonValue reference && reference.TryGetValue<string>(out var text) ? text : null;

        if (request["statusNotificationInformation"] is JsonObject info)
        {
            if (info["notificationUrl"] is JsonValue url && url.TryGetValue<string>(out var address) && Uri.TryCreate(address, UriKind.Absolute, out var uri))
            {
                NotificationUrl = uri;
            }

            if (info["notifyOnStatus"] is JsonArray statuses)
            {
                foreach (var status in statuses)
                {
                    if (status is JsonValue value && value.TryGetValue<string>(out var name))
                    {
                        NotifyOn.Add(name);
                    }
                }
            }
        }

        Steps = StepsTo(outcome);
        _status = Steps[0];
    }

    public string Id { get; }

    /// <summary>The SubmitOrder body as it was accepted (the order included).</summary>
    public JsonObject Request { get; }

    public SandboxOutcome Outcome { get; }

    public string? ExternalReference { get; }

    /// <summary>The notification URL, or <see langword="null"/> when none was given (then nothing is notified).</summary>
    public Uri? NotificationUrl { get; }

    /// <summary>The statuses subscribed to (duplicates collapse: one call per status change).</summary>
    public HashSet<string> NotifyOn { get; } = new(StringComparer.Ordinal);

    /// <summary>Every status of this order's walk, the first being its status on submission.</summary>
    public IReadOnlyList<string> Steps { get; }

    public string Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    public bool IsFinal => FinalStatuses.Contains(Status);

    /// <summary>Whether a change to <paramref name="status"/> is to be announced to the notification URL.</summary>
    public bool Notifies(string status) => NotificationUrl is not null && NotifyOn.Contains(status);

    public void MoveTo(string status)
    {
        lock (_gate)
        {
            _status = status;
        }
    }

    /// <summary>
    /// The sandbox's walk: Processing → Incomplete → Screening → New → FulfillmentDone → the outcome; a Closed outcome
    /// is the docs' rejected screening and follows Screening directly.
    /// </summary>
    private static string[] StepsTo(SandboxOutcome outcome) => outcome switch
    {
        SandboxOutcome.Closed => ["Processing", "Incomplete", "Screening", "Closed"],
        SandboxOutcome.Completed => ["Processing", "Incomplete", "Screening", "New", "FulfillmentDone", "Completed"],
        SandboxOutcome.Canceled => ["Processing", "Incomplete", "Screening", "New", "FulfillmentDone", "Canceled"],
        SandboxOutcome.Failed => ["Processing", "Incomplete", "Screening", "New", "FulfillmentDone", "Failed"],
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a sandbox outcome."),
    };
}
