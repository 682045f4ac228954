namespace BoardingDsl.Usage.Tests.Differential;

/// <summary>
/// One generated request body: <paramref name="Json"/> is valid when <paramref name="Fault"/> is
/// <see cref="BodyFault.None"/>, otherwise it is a valid body with exactly that one thing broken at <paramref name="Path"/>.
/// </summary>
/// <param name="SchemaFile">The request schema the body is for.</param>
/// <param name="Seed">Regenerates the same case: <c>BodyGenerator.Create(SchemaFile, Seed)</c>.</param>
/// <param name="Fault">What was broken.</param>
/// <param name="Path">Where (a JSON path), or <c>$</c> for a valid body.</param>
/// <param name="Json">The body.</param>
public sealed record BodyCase(string SchemaFile, int Seed, BodyFault Fault, string Path, string Json)
{
    /// <summary>How a failure names the case, so that it can be replayed as a regression case.</summary>
    public override string ToString() => $"{SchemaFile} seed {Seed}: {Fault} at {Path}\n{Json}";
}
