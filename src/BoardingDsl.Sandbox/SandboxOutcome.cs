namespace BoardingDsl.Sandbox;

/// <summary>The final status a submitted order reaches at the end of the sandbox's status walk.</summary>
public enum SandboxOutcome
{
    /// <summary>Processing → Incomplete → Screening → New → FulfillmentDone → <c>Completed</c>.</summary>
    Completed,

    /// <summary>Processing → Incomplete → Screening → <c>Closed</c>: the docs' rejected screening, which closes the order straight after Screening.</summary>
    Closed,

    /// <summary>Processing → Incomplete → Screening → New → FulfillmentDone → <c>Canceled</c> (cancelled on the merchant's request).</summary>
    Canceled,

    /// <summary>Processing → Incomplete → Screening → New → FulfillmentDone → <c>Failed</c> (a CCV employee must act).</summary>
    Failed,
}
