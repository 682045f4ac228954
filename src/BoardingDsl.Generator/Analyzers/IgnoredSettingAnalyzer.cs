using BoardingDsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>BDSL0004: a setting CCV ignores without its sibling.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IgnoredSettingAnalyzer : BuilderRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public IgnoredSettingAnalyzer()
        : base(BuilderRules.IgnoredWithoutSibling, DiagnosticCatalogue.IgnoredWithoutSibling)
    {
    }
}
