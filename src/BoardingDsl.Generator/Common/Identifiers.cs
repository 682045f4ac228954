using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace BoardingDsl.Generator.Common;

/// <summary>Turns JSON names into C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>
    /// PascalCase: word breaks at characters that cannot be in an identifier (<c>add-sales-package</c> →
    /// <c>AddSalesPackage</c>). Never a keyword (its first letter is upper case and underscores are breaks), so never
    /// escaped: the result composes into other names (<c>…Builder</c>, <c>With…</c>) as it is.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var sb = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (IsFormatCharacter(c))
            {
                continue; // invisible to C#: "a\u200Bb" is "ab"
            }

            if (!SyntaxFacts.IsIdentifierPartCharacter(c) || c == '_')
            {
                upperNext = true;
                continue;
            }

            sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return Finish(sb, escape: false);
    }

    /// <summary>An enum member: the value with its first letter upper-cased and characters invalid in C# removed.</summary>
    public static string ToEnumMember(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (SyntaxFacts.IsIdentifierPartCharacter(c) && !IsFormatCharacter(c))
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

    /// <summary>camelCase for a parameter or local written as it is, escaped with <c>@</c> when it is a keyword.</summary>
    public static string ToCamelCase(string pascal) => Escape(ToCamelName(pascal));

    /// <summary>camelCase, not escaped: the stem of composed names (<c>_orderDate</c>, <c>orderDateText</c>).</summary>
    public static string ToCamelName(string pascal) =>
        pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);

    /// <summary><paramref name="name"/> as C# writes it: with <c>@</c> when it is a keyword.</summary>
    public static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>
    /// The C# parameter name of an endpoint's path parameter (not escaped): one owner for the check that they are
    /// distinct (<c>EndpointRules</c>) and the client method that declares them.
    /// </summary>
    public static string ParameterName(string jsonName) => ToCamelName(ToPascalCase(jsonName));

    /// <summary>A C# string literal with every special character escaped.</summary>
    public static string Literal(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// A UTF-8 literal (<c>"x"u8</c>) for matching JSON names; text with an unpaired surrogate cannot be UTF-8, so it stays
    /// a plain string literal (the reader compares either).
    /// </summary>
    public static string Utf8Literal(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return Literal(value);
            }
        }

        return Literal(value) + "u8";
    }

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
                case '\n':
                case '\u0085':
                case '\u2028':
                case '\u2029':
                    sb.Append(' '); // anything C# reads as a line end would end the /// comment
                    break;
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

    /// <summary>C# ignores format characters (U+200B, U+00AD…) in identifiers, so two names differing only in them are one.</summary>
    private static bool IsFormatCharacter(char c) => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    /// <summary>Metadata names are limited to 1,024 UTF-8 bytes; leave room for the suffixes the generator adds.</summary>
    private const int MaxIdentifierBytes = 480;

    /// <summary>A type's namespace, the dot and its name together may not exceed 1,023 UTF-8 bytes in metadata (CS7013).</summary>
    private const int MaxFullTypeNameBytes = 1023;

    /// <summary>
    /// Whether a generated type and its companion (<c>&lt;Name&gt;Builder</c> or <c>&lt;Name&gt;Json</c>) fit the metadata
    /// limit in their namespace. Inline type names join names that each passed <see cref="Finish"/>, so only the whole can be too long.
    /// </summary>
    public static bool FitsTypeName(string ns, string typeName) =>
        Encoding.UTF8.GetByteCount(ns) + ".".Length + Encoding.UTF8.GetByteCount(typeName) + GeneratedNames.BuilderSuffix.Length <= MaxFullTypeNameBytes;

    private static string Finish(StringBuilder sb, bool escape = true)
    {
        if (sb.Length == 0 || Encoding.UTF8.GetByteCount(sb.ToString()) > MaxIdentifierBytes)
        {
            return string.Empty;
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(sb[0]))
        {
            sb.Insert(0, '_');
        }

        var result = sb.ToString();
        return escape ? Escape(result) : result;
    }
}
