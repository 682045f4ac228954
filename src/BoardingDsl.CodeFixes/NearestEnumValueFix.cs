using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BoardingDsl.CodeFixes;

/// <summary>BDSL0003: replaces an undocumented string with the nearest documented value, when one is clearly nearest.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NearestEnumValueFix)), Shared]
public sealed class NearestEnumValueFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UndocumentedEnumValue);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticIds.DocumentedValuesProperty, out var values) || values is null ||
                root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal ||
                !literal.IsKind(SyntaxKind.StringLiteralExpression) ||
                Nearest(literal.Token.ValueText, values.Split('\n')) is not { } nearest)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Use \"{nearest}\"", _ => Task.FromResult(StringLiterals.Replace(context.Document, root, literal, nearest)), nameof(NearestEnumValueFix)),
                diagnostic);
        }
    }

    /// <summary>
    /// The documented value nearest to <paramref name="text"/>: an exact case-insensitive match, else the one
    /// value at the smallest edit distance (at most a third of its length), and only when no other is as near.
    /// </summary>
    internal static string? Nearest(string text, string[] documented)
    {
        var caseMatch = documented.Where(d => string.Equals(d, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (caseMatch.Count == 1)
        {
            return caseMatch[0];
        }

        if (text.Length == 0)
        {
            return null;
        }

        var scored = documented.Select(d => (Value: d, Distance: Distance(text.ToLowerInvariant(), d.ToLowerInvariant()))).OrderBy(s => s.Distance).ToList();
        if (scored.Count == 0 || scored[0].Distance > Math.Max(1, scored[0].Value.Length / 3))
        {
            return null;
        }

        return scored.Count > 1 && scored[1].Distance == scored[0].Distance ? null : scored[0].Value;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
