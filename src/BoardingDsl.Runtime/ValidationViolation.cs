namespace BoardingDsl;

/// <summary>One broken rule found by <c>Build()</c>: where (JSON path), which rule, and the offending value.</summary>
/// <param name="Path">The JSON path of the member, e.g. <c>$.statusNotificationInformation.notificationUrl</c>.</param>
/// <param name="Rule">The schema rule, e.g. <c>required</c>, <c>pattern ^https://</c>, <c>enum</c>.</param>
/// <param name="Value">The value that broke the rule, or <see langword="null"/> when it is missing.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record ValidationViolation(string Path, string Rule, string? Value, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
