using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace BoardingDsl.CodeFixes;

/// <summary>BDSL0001: inserts the missing <c>.WithX(…)</c> calls before <c>Build()</c>, with typed placeholders.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingCallsFix)), Shared]
public sealed class AddMissingCallsFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingRequired);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticIds.MissingCallsProperty, out var calls) || string.IsNullOrEmpty(calls) ||
                root?.FindNode(diagnostic.Location.SourceSpan) is not SimpleNameSyntax { Parent: MemberAccessExpressionSyntax access })
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Add the missing required calls", ct => AddCallsAsync(context.Document, access, calls!, ct), nameof(AddMissingCallsFix)),
                diagnostic);
        }
    }

    private static async Task<Document> AddCallsAsync(Document document, MemberAccessExpressionSyntax buildAccess, string calls, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var receiver = buildAccess.Expression;
        var text = receiver.ToString() + string.Concat(calls.Split('\n').Where(c => c.Length > 0));
        var newReceiver = SyntaxFactory.ParseExpression(text)
            .WithTriviaFrom(receiver)
            .WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root!.ReplaceNode(receiver, newReceiver));
    }
}
