using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BoardingDsl.CodeFixes;

/// <summary>BDSL0005: removes the duplicate argument.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDuplicateValueFix)), Shared]
public sealed class RemoveDuplicateValueFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DuplicateValue);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var argument = node as ArgumentSyntax ?? node?.Parent as ArgumentSyntax;
            if (argument?.Parent is not ArgumentListSyntax list)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Remove the duplicate", _ => Task.FromResult(context.Document.WithSyntaxRoot(
                    root!.ReplaceNode(list, list.WithArguments(list.Arguments.Remove(argument))))),
                    nameof(RemoveDuplicateValueFix)),
                diagnostic);
        }
    }
}
