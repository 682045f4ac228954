using System;

namespace BoardingDsl.Robustness.Tests;

/// <summary>
/// The generator/analyzer bugs this suite found that are still open: one constant per bug, the <c>Skip</c> text of its
/// regression test in <see cref="KnownBugTests"/>. While a bug is open its regression test is skipped and the corpora do not
/// generate its trigger (<see cref="Avoid"/>; see <c>Corpus/KnownBugTriggers.cs</c>), so the suite stays green. Run with
/// <c>BOARDINGDSL_RUN_KNOWN_BUGS=1</c> to run the skipped tests and let the corpora hit the open bugs too. When a bug is
/// fixed: remove the <c>Skip</c> from its test, its constant here and the trigger rule that names it.
/// (The bugs this suite found that are fixed keep their regression tests in <see cref="KnownBugTests"/>, unskipped.)
/// </summary>
internal static class KnownBugs
{
    // No bug is open. A new one gets a constant here: public const string Name = "known bug: <what breaks, and where>";

    /// <summary><c>BOARDINGDSL_RUN_KNOWN_BUGS=1</c>: run the regression tests of open bugs and let the corpora hit them.</summary>
    public static bool Run { get; } = Environment.GetEnvironmentVariable("BOARDINGDSL_RUN_KNOWN_BUGS") is "1" or "true";

    /// <summary>While true, the random and mutated corpora do not generate the triggers of the open bugs above.</summary>
    public static bool Avoid => !Run;
}
