using BoardingDsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>BDSL0002: a constant breaks the https rule.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HttpsUrlAnalyzer : BuilderRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public HttpsUrlAnalyzer()
        : base(BuilderRules.NotHttps, DiagnosticCatalogue.NotHttps)
    {
    }
}
