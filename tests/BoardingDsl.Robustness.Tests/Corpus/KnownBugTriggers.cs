using System;
using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Robustness.Tests.Infrastructure;
using BoardingDsl.Robustness.Tests.Json;

namespace BoardingDsl.Robustness.Tests.Corpus;

/// <summary>
/// Recognizes the inputs that hit an open bug of <see cref="KnownBugs"/>, so the random and mutated corpora leave them to
/// the regression tests while the bug is open. Conservative: it may reject harmless inputs. Delete a rule when its bug is
/// fixed, add one when a new bug is found. No bug is open, so there is no rule.
/// </summary>
internal static class KnownBugTriggers
{
    /// <summary>A name (property, title, $defs key) that may hit an open bug.</summary>
    public static bool IsTriggerName(string name) => false;

    public static bool Triggers(CaseDraft c) => Triggers(c.Files.Select(f => (f.Name, f.Root)).ToList());

    /// <summary>Whether any file of a case may hit an open bug.</summary>
    public static bool Triggers(IReadOnlyList<(string Name, JNode Root)> files) => false;
}
