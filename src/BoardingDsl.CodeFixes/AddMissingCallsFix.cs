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
using Microsoft.CodeAnalysis.Text;

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

    /// <summary>
    /// Inserts the calls before <c>.Build()</c>: each on its own line, indented like <c>.Build()</c>, when the chain is
    /// written one call per line; inline when it is on one line.
    /// </summary>
    private static async Task<Document> AddCallsAsync(Document document, MemberAccessExpressionSyntax buildAccess, string calls, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var dot = buildAccess.OperatorToken.SpanStart;
        var line = text.Lines.GetLineFromPosition(dot);
        var before = text.ToString(TextSpan.FromBounds(line.Start, dot));
        var onItsOwnLine = before.Length > 0 && before.Trim().Length == 0;
        var newLine = line.EndIncludingLineBreak > line.End ? text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak)) : "\n";
        var inserted = calls.Split('\n').Where(c => c.Length > 0)
            .Select(c => onItsOwnLine ? c + newLine + before : c);
        return document.WithText(text.WithChanges(new TextChange(new TextSpan(dot, 0), string.Concat(inserted))));
    }
}
