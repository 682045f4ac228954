using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BoardingDsl.CodeFixes;

/// <summary>Replacing one string literal, the edit two of the fixes make.</summary>
internal static class StringLiterals
{
    /// <summary>The first string literal at or under <paramref name="node"/>.</summary>
    public static LiteralExpressionSyntax? Find(SyntaxNode? node)
    {
        if (node is null)
        {
            return null;
        }

        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            if (descendant is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return literal;
            }
        }

        return null;
    }

    public static Document Replace(Document document, SyntaxNode root, LiteralExpressionSyntax literal, string text) =>
        document.WithSyntaxRoot(root.ReplaceNode(
            literal,
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)).WithTriviaFrom(literal)));
}
