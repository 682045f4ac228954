using System.Threading.Tasks;
using BoardingDsl.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace BoardingDsl.Analyzers.Tests.Infrastructure;

/// <summary>Runs an analyzer (and a fix) over test code written with markup: <c>{|BDSL0001:Build|}</c> marks the exact span.</summary>
internal static class Verifier
{
    public const string Usings = "using System;\nusing System.Collections.Generic;\nusing BoardingDsl;\n";

    /// <summary>Every builder rule analyzer at once (BDSL0001–0005), as a build runs them.</summary>
    public static async Task AnalyzeAsync(string code, params DiagnosticResult[] expected)
    {
        var test = new AllRulesTest { TestCode = Usings + code };
        Prepare(test);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(TestContextToken());
    }

    private sealed class AllRulesTest : CSharpAnalyzerTest<MissingRequiredAnalyzer, DefaultVerifier>
    {
        protected override System.Collections.Generic.IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => BuilderRuleAnalyzer.All;
    }

    private sealed class AllRulesFixTest<TFix> : CSharpCodeFixTest<MissingRequiredAnalyzer, TFix, DefaultVerifier>
        where TFix : CodeFixProvider, new()
    {
        protected override System.Collections.Generic.IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => BuilderRuleAnalyzer.All;
    }

    public static async Task AnalyzeAsync<TAnalyzer>(string code, (string Path, string Text)[] extraSchemas, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = Usings + code };
        Prepare(test, extraSchemas);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(TestContextToken());
    }

    /// <summary>An expected diagnostic at markup location <paramref name="marker"/> (<c>{|#0:…|}</c>) with its message arguments.</summary>
    public static DiagnosticResult Expect(string id, int marker, params object[] arguments)
    {
        var descriptor = BoardingDsl.Generator.Diagnostics.DiagnosticCatalogue.Get(id);
        return new DiagnosticResult(descriptor).WithLocation(marker).WithArguments(arguments);
    }

    public static Task FixAsync<TFix>(string code, string fixedCode, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new() => FixAsync<TFix>(code, fixedCode, expected, System.Array.Empty<DiagnosticResult>());

    public static async Task FixAsync<TFix>(string code, string fixedCode, DiagnosticResult[] expected, DiagnosticResult[] expectedAfterFix)
        where TFix : CodeFixProvider, new()
    {
        var test = new AllRulesFixTest<TFix>
        {
            TestCode = Usings + code,
            FixedCode = Usings + fixedCode,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expectedAfterFix);
        Prepare(test);
        Prepare(test.FixedState);
        await test.RunAsync(TestContextToken());
    }

    private static void Prepare(AnalyzerTest<DefaultVerifier> test, params (string Path, string Text)[] extraSchemas)
    {
        test.ReferenceAssemblies = TestWorld.Offline;
        Prepare(test.TestState, extraSchemas);
    }

    /// <summary>
    /// The builders come compiled, as a reference, and no schema file is in the compilation: the analyzers read every
    /// rule from the builders' attributes, as for the package's precompiled models or a referenced library's builders.
    /// </summary>
    private static void Prepare(SolutionState state, params (string Path, string Text)[] extraSchemas)
    {
        state.AdditionalReferences.AddRange(TestWorld.References);
        state.AdditionalReferences.Add(TestWorld.Compiled(extraSchemas));
    }

    /// <summary>Every builder rule analyzer over <paramref name="code"/> with the generated builders as sources of the same compilation.</summary>
    public static async Task AnalyzeWithGeneratedSourcesAsync(string code, (string Path, string Text)[] extraSchemas, params DiagnosticResult[] expected)
    {
        var test = new AllRulesTest { TestCode = Usings + code, ReferenceAssemblies = TestWorld.Offline };
        test.TestState.AdditionalReferences.AddRange(TestWorld.References);
        foreach (var (hintName, source) in TestWorld.For(extraSchemas).Sources)
        {
            test.TestState.Sources.Add((hintName, source));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(TestContextToken());
    }

    /// <summary>Every builder rule analyzer over an app that references <paramref name="library"/> (compiled builders) and has no schema of its own.</summary>
    public static async Task AnalyzeAppOfLibraryAsync(string code, MetadataReference library, params DiagnosticResult[] expected)
    {
        var test = new AllRulesTest { TestCode = Usings + code, ReferenceAssemblies = TestWorld.Offline };
        test.TestState.AdditionalReferences.AddRange(TestWorld.References);
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(TestContextToken());
    }

    private static System.Threading.CancellationToken TestContextToken() => Xunit.TestContext.Current.CancellationToken;
}
