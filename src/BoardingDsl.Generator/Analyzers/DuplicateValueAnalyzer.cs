using BoardingDsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>BDSL0005: a value given twice where the list should not repeat.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateValueAnalyzer : BuilderRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public DuplicateValueAnalyzer()
        : base(BuilderRules.DuplicateValue, DiagnosticCatalogue.DuplicateValue)
    {
    }
}
