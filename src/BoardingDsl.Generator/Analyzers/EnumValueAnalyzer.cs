using BoardingDsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>BDSL0003: a constant is not a documented enum value.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EnumValueAnalyzer : BuilderRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public EnumValueAnalyzer()
        : base(BuilderRules.UndocumentedEnumValue, DiagnosticCatalogue.UndocumentedEnumValue)
    {
    }
}
