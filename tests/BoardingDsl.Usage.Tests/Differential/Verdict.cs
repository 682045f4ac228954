namespace BoardingDsl.Usage.Tests.Differential;

/// <summary>What one validator said about a body: valid, or invalid with its first reason.</summary>
public readonly record struct Verdict(bool Valid, string Reason)
{
    public static Verdict Accepted { get; } = new(true, "valid");

    public static Verdict Rejected(string reason) => new(false, reason);

    public override string ToString() => Valid ? "valid" : "invalid (" + Reason + ")";
}
