using System;

namespace BoardingDsl;

/// <summary>
/// The value the BDSL0001 code fix writes for a required member you have not set yet: typed, so the code compiles,
/// and never a silent default. Using it is warning CS0618 (an error under <c>TreatWarningsAsErrors</c>) until you
/// replace it, and if it runs it throws: an order with a made-up value is never built.
/// </summary>
public static class BoardingPlaceholder
{
    /// <summary>A placeholder of type <typeparamref name="T"/>; throws when evaluated.</summary>
    /// <exception cref="InvalidOperationException">Always: the placeholder was not replaced.</exception>
    [Obsolete("Replace this placeholder (inserted by the BDSL0001 code fix) with the real value.")]
    public static T Value<T>() =>
        throw new InvalidOperationException($"A BoardingPlaceholder.Value<{typeof(T).Name}>() inserted by the BDSL0001 code fix was not replaced with the real value.");
}
