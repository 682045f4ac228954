using System;

namespace BoardingDsl.Robustness.Tests;

/// <summary>
/// The generator/analyzer bugs this suite found that are still open: one constant per bug, the <c>Skip</c> text of its
/// regression test in <see cref="KnownBugTests"/>. While a bug is open its regression test is skipped and the corpora do not
/// generate its trigger (<see cref="Avoid"/>; see <c>Corpus/KnownBugTriggers.cs</c>), so the suite stays green. Run with
/// <c>BOARDINGDSL_RUN_KNOWN_BUGS=1</c> to run the skipped tests and let the corpora hit the open bugs too. When a bug is
/// fixed: remove the <c>Skip</c> from its test, its constant here and the trigger rule that names it.
/// (The bugs this suite found that 5da506b and 2cc66f8 fixed keep their regression tests in <see cref="KnownBugTests"/>, unskipped.)
/// </summary>
internal static class KnownBugs
{
    public const string NamespaceTypeClash =
        "known bug: a type whose full name equals a namespace in use (type A.B.Order, or the entry class A.B.Boarding, beside another file's per-file namespace A.B.Order / A.B.Boarding) -> CS0101; no diagnostic (ModelBuilder.Register checks type names against type names only)";

    public const string ReferencedNamespaceClash =
        "known bug: a generated type named like a namespace the generated code names with global:: (title or $defs key 'Client' or 'Serialization' in namespace BoardingDsl; a type BoardingJson in a per-file namespace BoardingDsl.Serialization) shadows it -> CS0437/CS0436 + CS0426/CS0117 (ModelBuilder.Register)";

    public const string NestedNameTooLong =
        "known bug: the 480-byte name limit (Identifiers.Finish) is checked per name, but inline type names concatenate the title/$defs key and every property name on the path (ModelBuilder.CanonicalName): 3 x 450 characters -> CS7013 at emit; no BDSL1010";

    /// <summary><c>BOARDINGDSL_RUN_KNOWN_BUGS=1</c>: run the regression tests of open bugs and let the corpora hit them.</summary>
    public static bool Run { get; } = Environment.GetEnvironmentVariable("BOARDINGDSL_RUN_KNOWN_BUGS") is "1" or "true";

    /// <summary>While true, the random and mutated corpora do not generate the triggers of the open bugs above.</summary>
    public static bool Avoid => !Run;
}
