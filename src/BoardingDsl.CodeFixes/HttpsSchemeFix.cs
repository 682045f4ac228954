using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BoardingDsl.CodeFixes;

/// <summary>BDSL0002: <c>http://</c>, <c>HTTPS://</c> and <c>https//</c> become <c>https://</c> in a string literal.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HttpsSchemeFix)), Shared]
public sealed class HttpsSchemeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NotHttps);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var literal = node is null ? null : FirstLiteral(node);
            if (literal is null || !literal.IsKind(SyntaxKind.StringLiteralExpression) || FixScheme(literal.Token.ValueText) is not { } fixedText)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Use https://", _ => Task.FromResult(context.Document.WithSyntaxRoot(
                    root!.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(fixedText)).WithTriviaFrom(literal)))),
                    nameof(HttpsSchemeFix)),
                diagnostic);
        }
    }

    /// <summary>The text with its scheme corrected, or null when there is no scheme to correct.</summary>
    internal static string? FixScheme(string text)
    {
        foreach (var wrong in new[] { "https://", "http://", "https//", "http//", "https:/", "http:/" })
        {
            if (text.StartsWith(wrong, StringComparison.OrdinalIgnoreCase))
            {
                var fixedText = "https://" + text.Substring(wrong.Length);
                return fixedText == text ? null : fixedText;
            }
        }

        return null;
    }

    private static LiteralExpressionSyntax? FirstLiteral(SyntaxNode node)
    {
        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            if (descendant is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return literal;
            }
        }

        return null;
    }
}
