using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using BoardingDsl.Analyzers.Tests.Infrastructure;
using BoardingDsl.Generator.Analyzers;
using BoardingDsl.Generator.Diagnostics;
using BoardingDsl.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using BoardingDsl.Testing;

namespace BoardingDsl.Analyzers.Tests;

/// <summary>
/// The rule pages in <c>docs/rules/</c>: one per diagnostic, each with the sections a reader expects, and examples
/// that really do what the page says. BDSL0xxx Before/After snippets are compiled with the generated builders and
/// run through <see cref="BuilderRuleAnalyzer.All"/>; BDSL1xxx schema examples are run through <see cref="SchemaFileAnalyzer"/>.
/// </summary>
public class RuleDocsTests
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string RulesDirectory = Path.Combine(RepoRoot, "docs", "rules");

    /// <summary>Sections every page has, in this order.</summary>
    private static readonly string[] Sections = { "What triggers it", "Why", "Example", "Code fix", "Configure" };

    /// <summary>Rules whose page cannot show a triggering example, with the reason.</summary>
    private static readonly Dictionary<string, string> NoExample = new()
    {
        [DiagnosticCatalogue.InternalErrorId] = "a bug in BoardingDsl; no schema is known to trigger it",
        [DiagnosticCatalogue.NamespaceIsTypeId] = "the namespace comes from the project file, which a schema example cannot set",
    };

    /// <summary>
    /// The language of a schema-rule page's examples: schema files, except for the MSBuild option rule, and for the
    /// precompiled-override rule, whose fix is in the project file.
    /// </summary>
    private static string ExampleLanguage(string id, string part) =>
        id == DiagnosticCatalogue.InvalidOptionId || (id == DiagnosticCatalogue.OverridesPrecompiledId && part == "After") ? "xml" : "json";

    public static TheoryData<string> AllIds() => Data(DiagnosticCatalogue.All.Select(d => d.Id));

    public static TheoryData<string> CodeRulePages() => Data(PageIds("BDSL0*.md"));

    public static TheoryData<string> SchemaRulePages() => Data(PageIds("BDSL1*.md"));

    [Fact]
    public void Every_rule_has_a_page_and_every_page_is_a_rule()
    {
        var ids = DiagnosticCatalogue.All.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).ToArray();
        Assert.Equal(32, ids.Length);
        Assert.Equal(ids, PageIds("BDSL*.md"));
    }

    [Fact]
    public void Every_help_link_points_at_the_rule_page()
    {
        foreach (var descriptor in DiagnosticCatalogue.All)
        {
            Assert.EndsWith("docs/rules/" + descriptor.Id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(RulesDirectory, descriptor.Id + ".md")), descriptor.Id + ": no page");
        }
    }

    [Fact]
    public void The_index_lists_every_rule_with_its_severity_title_and_link()
    {
        var readme = File.ReadAllLines(Path.Combine(RulesDirectory, "README.md"));
        foreach (var descriptor in DiagnosticCatalogue.All)
        {
            var row = readme.SingleOrDefault(l => l.TrimStart().StartsWith("|", StringComparison.Ordinal) && l.Contains("(" + descriptor.Id + ".md)", StringComparison.Ordinal));
            Assert.True(row is not null, descriptor.Id + ": no row (with a link to " + descriptor.Id + ".md) in docs/rules/README.md");
            var cells = row!.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Assert.Contains("[" + descriptor.Id + "](" + descriptor.Id + ".md)", cells);
            Assert.Contains(descriptor.DefaultSeverity.ToString(), cells);
            Assert.Contains(cells, c => c.Replace("`", string.Empty, StringComparison.Ordinal) == descriptor.Title.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Page_has_the_title_severity_and_sections(string id)
    {
        var page = RulePage.Load(id);
        var descriptor = DiagnosticCatalogue.Get(id);

        Assert.Equal("# " + id + ": " + descriptor.Title, page.Lines.FirstOrDefault(l => l.Length > 0));
        var header = page.Header;
        Assert.Matches(new Regex(@"\*\*Severity:\*\*\s*" + descriptor.DefaultSeverity + @"\b"), header);
        Assert.Matches(new Regex(@"\*\*Category:\*\*\s*" + descriptor.Category + @"\b"), header);

        var found = page.Headings.Where(h => h.Level == 2).Select(h => h.Title).ToList();
        Assert.Equal(Sections, found.Where(Sections.Contains));
        foreach (var section in Sections)
        {
            Assert.False(string.IsNullOrWhiteSpace(page.Body(section)), $"{id}: the section '{section}' is empty");
        }

        Assert.Contains("dotnet_diagnostic." + id + ".severity", page.Body("Configure"), StringComparison.Ordinal);
        if (id.StartsWith("BDSL0", StringComparison.Ordinal))
        {
            // The CCV documentation rule the diagnostic protects, quoted.
            Assert.Matches(new Regex("\"(?:[^\"\\n]|\\n(?!\\n)){12,}\"|“(?:[^”\\n]|\\n(?!\\n)){12,}”"), page.Body("Why"));
        }

        if (!NoExample.ContainsKey(id))
        {
            foreach (var part in new[] { "Before", "After" })
            {
                var language = id.StartsWith("BDSL0", StringComparison.Ordinal) ? "csharp" : ExampleLanguage(id, part);
                Assert.True(page.Blocks("Example", part).Any(b => b.Language == language), $"{id}: no ```{language} block under ### {part}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Page_says_whether_a_code_fix_exists(string id)
    {
        var fixable = typeof(BoardingDsl.CodeFixes.HttpsSchemeFix).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet(StringComparer.Ordinal);
        var body = RulePage.Load(id).Body("Code fix")!.Trim();

        if (fixable.Contains(id))
        {
            Assert.False(body.StartsWith("None", StringComparison.Ordinal), $"{id} has a code fix, but its page says none");
        }
        else
        {
            Assert.True(body.StartsWith("None", StringComparison.Ordinal), $"{id} has no code fix; its page should start the section with 'None'");
        }
    }

    [Theory]
    [MemberData(nameof(CodeRulePages))]
    public async Task Before_snippet_compiles_and_reports_the_rule(string id)
    {
        var code = RulePage.Load(id).Blocks("Example", "Before").Single(b => b.Language == "csharp").Code;
        var (errors, diagnostics) = await CompileAndAnalyze(code);

        Assert.True(errors.Length == 0, $"{id}: the Before snippet does not compile:\n{Describe(errors)}");
        Assert.True(diagnostics.Any(d => d.Id == id && d.Location.SourceTree?.FilePath == SnippetPath),
            $"{id}: the Before snippet does not report {id}; it reports:\n{Describe(diagnostics)}");
        Assert.True(diagnostics.All(d => d.Id == id), $"{id}: the Before snippet reports other rules too:\n{Describe(diagnostics)}");
    }

    [Theory]
    [MemberData(nameof(CodeRulePages))]
    public async Task After_snippet_compiles_without_any_BoardingDsl_diagnostic(string id)
    {
        var code = RulePage.Load(id).Blocks("Example", "After").Single(b => b.Language == "csharp").Code;
        var (errors, diagnostics) = await CompileAndAnalyze(code);

        Assert.True(errors.Length == 0, $"{id}: the After snippet does not compile:\n{Describe(errors)}");
        Assert.True(diagnostics.Length == 0, $"{id}: the After snippet still reports:\n{Describe(diagnostics)}");
    }

    [Theory]
    [MemberData(nameof(SchemaRulePages))]
    public async Task Schema_examples_report_the_rule_before_and_nothing_after(string id)
    {
        if (NoExample.ContainsKey(id))
        {
            Assert.Contains("no example", RulePage.Load(id).Body("Example"), StringComparison.OrdinalIgnoreCase);
            return;
        }

        var page = RulePage.Load(id);
        var before = page.Blocks("Example", "Before").Where(b => b.Language == ExampleLanguage(id, "Before")).ToList();
        var after = page.Blocks("Example", "After").Where(b => b.Language == ExampleLanguage(id, "After")).ToList();
        Assert.NotEmpty(before);
        Assert.NotEmpty(after);

        if (id == DiagnosticCatalogue.OverridesPrecompiledId)
        {
            // Before: the package's defaults, so the real BoardingDsl.Models.dll is referenced. After: the property the
            // page sets, which takes that assembly out of the references; the same schema then counts.
            Assert.Contains(after, b => Regex.IsMatch(b.Code, @"<BoardingDslPrecompiledModels>\s*false\s*</BoardingDslPrecompiledModels>"));
            var precompiled = await AnalyzeSchemasAsShipped(before, ShippedModels);
            Assert.True(precompiled.Any(d => d.Id == id), $"{id}: the Before schema does not report {id}; it reports:\n{Describe(precompiled)}");
            var source = await AnalyzeSchemasAsShipped(before, null);
            Assert.True(source.Length == 0, $"{id}: the schema still reports in source mode:\n{Describe(source)}");
            return;
        }

        if (id == DiagnosticCatalogue.InvalidOptionId)
        {
            Assert.Contains(await RunGeneratorWithProperty(before), d => d.Id == id);
            Assert.Empty(await RunGeneratorWithProperty(after));
            return;
        }

        foreach (var block in after)
        {
            using var parsed = JsonDocument.Parse(block.Code); // a fixed schema is valid JSON
        }

        var reportedBefore = await AnalyzeSchemas(before);
        Assert.True(reportedBefore.Any(d => d.Id == id), $"{id}: the Before schema does not report {id}; it reports:\n{Describe(reportedBefore)}");
        var reportedAfter = await AnalyzeSchemas(after);
        Assert.True(reportedAfter.Length == 0, $"{id}: the After schema still reports:\n{Describe(reportedAfter)}");
    }

    // ---- Running the examples -------------------------------------------------------------------------------

    private const string SnippetPath = "RuleDocSnippet.cs";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(ImmutableArray<Diagnostic> Errors, ImmutableArray<Diagnostic> Diagnostics)> CompileAndAnalyze(string code)
    {
        var (schemas, sources) = TestWorld.For();
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, parseOptions, s.HintName, Token))
            .Prepend(CSharpSyntaxTree.ParseText(SourceText.From(Verifier.Usings + code), parseOptions, SnippetPath, Token));
        var compilation = CSharpCompilation.Create("RuleDocSnippet", trees, TestWorld.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics(Token).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        var diagnostics = await RunAnalyzer(compilation, BuilderRuleAnalyzer.All, schemas);
        return (errors, diagnostics);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeSchemas(IEnumerable<CodeBlock> blocks)
    {
        var (schemas, _) = TestWorld.For();
        var examples = blocks.Select(b => (Path.Combine(RulesDirectory, "examples", b.FileName ?? "example.schema.json"), b.Code));
        var compilation = CSharpCompilation.Create("RuleDocSchemas",
            new[] { CSharpSyntaxTree.ParseText("class Empty { }", cancellationToken: Token) }, TestWorld.References);
        return await RunAnalyzer(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new SchemaFileAnalyzer()), schemas.Concat(examples));
    }

    /// <summary>The package's precompiled models, the real assembly (the test project references BoardingDsl.Models).</summary>
    private static MetadataReference ShippedModels =>
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "BoardingDsl.Models.dll"));

    /// <summary>
    /// The schema examples as the package passes them: the shipped files with <c>BoardingDslDefaultSchema=true</c>, the
    /// examples as the project's own, and <paramref name="models"/> among the references when the mode is precompiled.
    /// </summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeSchemasAsShipped(IEnumerable<CodeBlock> blocks, MetadataReference? models)
    {
        var (schemas, _) = TestWorld.For();
        var examples = blocks.Select(b => (Path.Combine(RulesDirectory, "examples", b.FileName ?? "example.schema.json"), b.Code)).ToList();
        var metadata = schemas.ToDictionary(
            s => s.Path,
            s => (IDictionary<string, string>)new Dictionary<string, string> { ["build_metadata.AdditionalFiles.BoardingDslDefaultSchema"] = "true" });
        var references = models is null ? TestWorld.References : TestWorld.References.Append(models);
        var compilation = CSharpCompilation.Create("RuleDocSchemas",
            new[] { CSharpSyntaxTree.ParseText("class Empty { }", cancellationToken: Token) }, references);
        return await RunAnalyzer(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new SchemaFileAnalyzer()), schemas.Concat(examples), new TestOptionsProvider(files: metadata));
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAnalyzer(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, IEnumerable<(string Path, string Text)> schemas, AnalyzerConfigOptionsProvider? optionsProvider = null)
    {
        var exceptions = new List<Exception>();
        var additional = schemas.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray();
        var options = optionsProvider is null ? new AnalyzerOptions(additional) : new AnalyzerOptions(additional, optionsProvider);
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(options, (ex, _, _) => exceptions.Add(ex), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(Token);
        Assert.Empty(exceptions);
        return diagnostics.Where(d => d.Id.StartsWith("BDSL", StringComparison.Ordinal)).ToImmutableArray();
    }

    /// <summary>Runs the generator with the <c>BoardingDslAccessibility</c> value an MSBuild example sets.</summary>
    private static Task<ImmutableArray<Diagnostic>> RunGeneratorWithProperty(IEnumerable<CodeBlock> blocks)
    {
        var property = GeneratorOptions.AccessibilityProperty;
        var values = blocks
            .Select(b => Regex.Match(b.Code, "<" + property + @">\s*([^<]*?)\s*</" + property + ">"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();
        Assert.NotEmpty(values);
        var (schemas, _) = TestWorld.For();
        var diagnostics = new List<Diagnostic>();
        foreach (var value in values)
        {
            var driver = CSharpGeneratorDriver.Create(
                new[] { new BoardingGenerator().AsSourceGenerator() },
                schemas.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)),
                new CSharpParseOptions(LanguageVersion.CSharp12),
                new TestOptionsProvider(new Dictionary<string, string> { ["build_property." + property] = value }));
            var compilation = CSharpCompilation.Create("RuleDocOption", Array.Empty<SyntaxTree>(), TestWorld.References);
            diagnostics.AddRange(driver.RunGenerators(compilation, Token).GetRunResult().Diagnostics);
        }

        return Task.FromResult(diagnostics.ToImmutableArray());
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics.Select(d => "  " + d).ToList();
        return lines.Count == 0 ? "  (nothing)" : string.Join("\n", lines);
    }

    // ---- Reading the pages ----------------------------------------------------------------------------------

    private static TheoryData<string> Data(IEnumerable<string> values)
    {
        var data = new TheoryData<string>();
        foreach (var value in values)
        {
            data.Add(value);
        }

        return data;
    }

    private static string[] PageIds(string pattern) =>
        Directory.Exists(RulesDirectory)
            ? Directory.GetFiles(RulesDirectory, pattern).Select(p => Path.GetFileNameWithoutExtension(p)!).OrderBy(i => i, StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();

    private static string FindRepoRoot() => BoardingDsl.Testing.RepoRoot.Path;

    /// <summary>A fenced block; <see cref="FileName"/> is the <c>`name.schema.json`</c> named on the line above it, if any.</summary>
    private sealed record CodeBlock(string Language, string Code, string? FileName);

    private sealed record Heading(int Level, string Title, int Line);

    private sealed class RulePage
    {
        private static readonly Regex FileNameLine = new(@"`([\w.-]+\.schema\.json)`");

        private RulePage(string[] lines)
        {
            Lines = lines;
            var inFence = false;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }
                else if (!inFence && Regex.Match(lines[i], @"^(#{1,6})\s+(.*?)\s*$") is { Success: true } m)
                {
                    Headings.Add(new Heading(m.Groups[1].Length, m.Groups[2].Value, i));
                }
            }
        }

        public string[] Lines { get; }

        public List<Heading> Headings { get; } = new();

        /// <summary>The text between the title and the first section.</summary>
        public string Header
        {
            get
            {
                var first = Headings.FirstOrDefault(h => h.Level == 2);
                return string.Join("\n", Lines.Take(first?.Line ?? Lines.Length));
            }
        }

        public static RulePage Load(string id)
        {
            var path = Path.Combine(RulesDirectory, id + ".md");
            Assert.True(File.Exists(path), "missing page " + path);
            return new RulePage(File.ReadAllLines(path));
        }

        /// <summary>The body of <c>## section</c>, or of <c>### subsection</c> inside it; null when absent.</summary>
        public string? Body(string section, string? subsection = null)
        {
            var range = Range(section, subsection);
            return range is null ? null : string.Join("\n", Lines.Skip(range.Value.Start).Take(range.Value.End - range.Value.Start));
        }

        public IReadOnlyList<CodeBlock> Blocks(string section, string? subsection = null)
        {
            var blocks = new List<CodeBlock>();
            if (Range(section, subsection) is not { } range)
            {
                return blocks;
            }

            for (var i = range.Start; i < range.End; i++)
            {
                var fence = Lines[i].Trim();
                if (!fence.StartsWith("```", StringComparison.Ordinal))
                {
                    continue;
                }

                var language = fence.Substring(3).Trim();
                var above = Lines.Take(i).Reverse().FirstOrDefault(l => l.Trim().Length > 0) ?? string.Empty;
                var fileName = FileNameLine.Match(above) is { Success: true } m ? m.Groups[1].Value : null;
                var code = new List<string>();
                for (i++; i < range.End && !Lines[i].Trim().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    code.Add(Lines[i]);
                }

                blocks.Add(new CodeBlock(language, string.Join("\n", code) + "\n", fileName));
            }

            return blocks;
        }

        private (int Start, int End)? Range(string section, string? subsection)
        {
            var parent = Headings.FirstOrDefault(h => h.Level == 2 && h.Title == section);
            if (parent is null)
            {
                return null;
            }

            var end = Headings.FirstOrDefault(h => h.Line > parent.Line && h.Level <= 2)?.Line ?? Lines.Length;
            if (subsection is null)
            {
                return (parent.Line + 1, end);
            }

            var child = Headings.FirstOrDefault(h => h.Line > parent.Line && h.Line < end && h.Level == 3 && h.Title == subsection);
            if (child is null)
            {
                return null;
            }

            var childEnd = Headings.FirstOrDefault(h => h.Line > child.Line && h.Level <= 3)?.Line ?? Lines.Length;
            return (child.Line + 1, Math.Min(childEnd, end));
        }
    }
}
