using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

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
            var literal = StringLiterals.Find(root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
            if (literal is null || FixScheme(literal.Token.ValueText) is not { } fixedText)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Use https://", _ => Task.FromResult(StringLiterals.Replace(context.Document, root!, literal, fixedText)), nameof(HttpsSchemeFix)),
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
}
