using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace BoardingDsl.Robustness.Tests.Infrastructure;

/// <summary>One broken invariant, attributed to a case when it can be.</summary>
internal sealed record Failure(SchemaCase? Case, string Kind, string Message);

/// <summary>
/// The invariants every batch must keep, whatever the schemas say:
/// (1) nothing escapes the generator or the analyzer (no generator exception, no CS8784/CS8785, no AD0001, no BDSL1014);
/// (2) the output compilation has no error (nor warning: consumers build with TreatWarningsAsErrors); every BDSL diagnostic
///     is in the schema file it is about, inside its text; a Boarding schema with no error diagnostic is generated;
/// (3) the batch finishes within its budget.
/// </summary>
internal static class CorpusVerifier
{
    private static readonly Regex NamespaceLine = new(@"^namespace (\S+)", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public static IReadOnlyList<Failure> Verify(BatchResult r, TimeSpan? budget = null)
    {
        var failures = new List<Failure>();
        var limit = budget ?? CorpusRunner.BatchBudget;
        if (r.TimedOut || r.Elapsed > limit)
        {
            failures.Add(new Failure(r.Cases.Count == 1 ? r.Cases[0] : null, "time", $"The batch did not finish within {limit.TotalSeconds:0} s (ran {r.Elapsed.TotalSeconds:0.0} s)."));
            return failures;
        }

        if (r.RunnerException is not null)
        {
            failures.Add(new Failure(r.Cases.Count == 1 ? r.Cases[0] : null, "exception", "The run threw: " + r.RunnerException));
            return failures;
        }

        var byPath = new Dictionary<string, (SchemaCase Case, SchemaFile File)>(StringComparer.Ordinal);
        var byNamespace = new Dictionary<string, SchemaCase>(StringComparer.Ordinal);
        foreach (var c in r.Cases)
        {
            foreach (var f in c.Files)
            {
                byPath[c.PathOf(f)] = (c, f);
                byNamespace.TryAdd(c.EffectiveNamespaceOf(f), c);
            }
        }

        SchemaCase? Only() => r.Cases.Count == 1 ? r.Cases[0] : null;

        if (r.GeneratorException is not null)
        {
            failures.Add(new Failure(Only(), "exception", "The generator threw: " + r.GeneratorException));
        }

        foreach (var e in r.AnalyzerExceptions)
        {
            failures.Add(new Failure(Only(), "exception", "The analyzer threw: " + e));
        }

        // Generated sources by namespace (each case has its own), so an error in one can be pinned on its case.
        var sources = r.Sources.Select(s =>
        {
            var text = s.SourceText.ToString();
            var m = NamespaceLine.Match(text);
            var ns = m.Success ? m.Groups[1].Value : string.Empty;
            return (Source: s, Text: text, Case: byNamespace.TryGetValue(ns, out var c) ? c : Only());
        }).ToList();

        foreach (var d in r.GeneratorDiagnostics)
        {
            var allowed = d.Id == "BDSL1017" && r.Cases.Any(c => c.GlobalOptions is not null);
            if (!allowed)
            {
                var kind = d.Id is "CS8784" or "CS8785" ? "exception" : d.Id == "BDSL1014" ? "internal-error" : "generator-diagnostic";
                failures.Add(new Failure(Only(), kind, $"The generator reported {d.Id} at {d.Location}: {d.GetMessage(CultureInfo.InvariantCulture)}"));
            }
        }

        foreach (var d in r.CompileDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            var tree = d.Location.SourceTree;
            var owner = tree is null ? Only() : sources.FirstOrDefault(s => s.Source.SyntaxTree == tree).Case ?? Only();
            var line = tree is null ? string.Empty : LineOf(tree.GetText(), d.Location.SourceSpan);
            var hint = tree is null ? "?" : System.IO.Path.GetFileName(tree.FilePath);
            failures.Add(new Failure(owner, d.Severity == DiagnosticSeverity.Error ? "compile-error" : "compile-warning",
                $"{d.Id} in {Cut(hint, 160)}{Pos(d)}: {Cut(d.GetMessage(CultureInfo.InvariantCulture), 400)}\n        > {line}"));
        }

        var errorPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in r.AnalyzerDiagnostics)
        {
            if (d.Id == "AD0001")
            {
                failures.Add(new Failure(Only(), "exception", "AD0001: " + d.GetMessage(CultureInfo.InvariantCulture)));
                continue;
            }

            var span = d.Location.GetLineSpan();
            if (!byPath.TryGetValue(span.Path ?? string.Empty, out var owner))
            {
                failures.Add(new Failure(Only(), "location", $"{d.Id} is not in a schema file of the batch (at '{span.Path}', {d.Location.Kind}): {d.GetMessage(CultureInfo.InvariantCulture)}"));
                continue;
            }

            if (d.Id == "BDSL1014")
            {
                failures.Add(new Failure(owner.Case, "internal-error", $"{d.Id} in {owner.File.Name}{Pos(d)}: {d.GetMessage(CultureInfo.InvariantCulture)}"));
            }

            var text = SourceText.From(owner.File.Text);
            var s = d.Location.SourceSpan;
            if (d.Location.Kind != LocationKind.ExternalFile || s.Start < 0 || s.End > text.Length)
            {
                failures.Add(new Failure(owner.Case, "location", $"{d.Id} in {owner.File.Name} has a span {s} outside the text (length {text.Length})."));
            }
            else if (text.Lines.GetLinePositionSpan(s) != span.Span)
            {
                failures.Add(new Failure(owner.Case, "location", $"{d.Id} in {owner.File.Name}: span {s} is at {text.Lines.GetLinePositionSpan(s)} but the diagnostic says {span.Span}."));
            }

            if (d.Severity == DiagnosticSeverity.Error)
            {
                errorPaths.Add(span.Path!);
            }
        }

        foreach (var c in r.Cases)
        {
            var caseIds = new HashSet<string>(r.AnalyzerDiagnostics
                .Where(d => c.Files.Any(f => c.PathOf(f) == d.Location.GetLineSpan().Path))
                .Select(d => d.Id));
            foreach (var id in c.ExpectedIds.Where(id => !caseIds.Contains(id)))
            {
                failures.Add(new Failure(c, "expectation", $"{id} was expected but not reported (reported: {string.Join(", ", caseIds.OrderBy(i => i))})."));
            }

            if (c.ExpectSilent && caseIds.Count > 0)
            {
                failures.Add(new Failure(c, "expectation", $"No diagnostic was expected, but: {string.Join(", ", caseIds.OrderBy(i => i))}."));
            }

            if (c.ExpectOnly is { } only && !caseIds.SetEquals(only))
            {
                failures.Add(new Failure(c, "expectation", $"Exactly {string.Join(", ", only.OrderBy(i => i))} was expected, but: {string.Join(", ", caseIds.OrderBy(i => i))}."));
            }

            foreach (var f in c.Files)
            {
                var path = c.PathOf(f);
                var boarding = IntendsBoarding(f.Text);
                var hasError = errorPaths.Contains(path);
                var marker = "from <c>" + BoardingDsl.Generator.Common.Identifiers.XmlText(System.IO.Path.GetFileName(path)) + "</c>";
                var ns = c.EffectiveNamespaceOf(f);
                var generated = sources.Any(s => s.Text.Contains(marker, StringComparison.Ordinal) && NamespaceLine.Match(s.Text).Groups[1].Value == ns);
                if (boarding && !hasError && !generated)
                {
                    failures.Add(new Failure(c, "silently-dropped", $"{f.Name} is a Boarding schema with no error diagnostic, but nothing was generated from it."));
                }

                if (c.MustGenerate && boarding && (hasError || !generated))
                {
                    var ids = r.AnalyzerDiagnostics.Where(d => d.Location.GetLineSpan().Path == path && d.Severity == DiagnosticSeverity.Error)
                        .Select(d => d.Id + Pos(d) + " " + d.GetMessage(CultureInfo.InvariantCulture));
                    failures.Add(new Failure(c, "expectation", $"{f.Name} is valid and must generate, but: {(generated ? "generated" : "not generated")}; errors: {string.Join("; ", ids)}"));
                }
            }
        }

        return failures;
    }

    /// <summary>
    /// A file the generator must either generate or explain: empty, or broken JSON that names the endpoint keyword, or a JSON
    /// object whose root has <c>x-boarding-endpoint</c>.
    /// </summary>
    public static bool IntendsBoarding(string text)
    {
        if (text.Trim().Length == 0)
        {
            return true;
        }

        if (!text.Contains("x-boarding-endpoint", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(text.TrimStart('\uFEFF'), new JsonDocumentOptions { MaxDepth = 1000 });
            return doc.RootElement.ValueKind != JsonValueKind.Object ||
                   doc.RootElement.EnumerateObject().Any(p => p.NameEquals("x-boarding-endpoint"));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return true;
        }
    }

    private static string Cut(string text, int max) => text.Length > max ? text.Substring(0, max) + "…" : text;

    private static string Pos(Diagnostic d)
    {
        var p = d.Location.GetLineSpan().StartLinePosition;
        return d.Location.Kind == LocationKind.None ? string.Empty : $"({p.Line + 1},{p.Character + 1})";
    }

    private static string LineOf(SourceText text, TextSpan span)
    {
        var line = text.Lines.GetLineFromPosition(Math.Min(span.Start, text.Length)).ToString().Trim();
        return line.Length > 240 ? line.Substring(0, 240) + "…" : line;
    }
}
