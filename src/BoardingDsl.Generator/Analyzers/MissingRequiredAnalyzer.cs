using BoardingDsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>BDSL0001: a required member is not set before <c>Build()</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingRequiredAnalyzer : BuilderRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public MissingRequiredAnalyzer()
        : base(BuilderRules.MissingRequired, DiagnosticCatalogue.MissingRequired)
    {
    }
}
