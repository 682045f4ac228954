using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace BoardingDsl.Generator.Common;

/// <summary>Turns JSON names into C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>PascalCase: word breaks at characters that cannot be in an identifier (<c>add-sales-package</c> → <c>AddSalesPackage</c>).</summary>
    public static string ToPascalCase(string name)
    {
        var sb = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (!SyntaxFacts.IsIdentifierPartCharacter(c) || c == '_')
            {
                upperNext = true;
                continue;
            }

            sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return Finish(sb);
    }

    /// <summary>An enum member: the value with its first letter upper-cased and characters invalid in C# removed.</summary>
    public static string ToEnumMember(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (SyntaxFacts.IsIdentifierPartCharacter(c))
            {
                sb.Append(c);
            }
        }

        if (sb.Length > 0)
        {
            sb[0] = char.ToUpperInvariant(sb[0]);
        }

        return Finish(sb);
    }

    public static bool IsValidIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None;

    /// <summary>camelCase for fields and parameters, escaped with <c>@</c> when it is a keyword.</summary>
    public static string ToCamelCase(string pascal)
    {
        if (pascal.Length == 0)
        {
            return pascal;
        }

        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None ? "@" + camel : camel;
    }

    /// <summary>A C# string literal with every special character escaped.</summary>
    public static string Literal(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Text safe inside an XML doc comment line.</summary>
    public static string XmlText(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r': break;
                case '\n': sb.Append(' '); break;
                default:
                    if (!char.IsControl(c))
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static string Finish(StringBuilder sb)
    {
        if (sb.Length == 0)
        {
            return string.Empty;
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(sb[0]))
        {
            sb.Insert(0, '_');
        }

        var result = sb.ToString();
        return SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None ? "@" + result : result;
    }
}
