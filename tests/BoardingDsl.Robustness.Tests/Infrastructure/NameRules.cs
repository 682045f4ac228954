using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace BoardingDsl.Robustness.Tests.Infrastructure;

/// <summary>
/// The generator's naming rules (src/BoardingDsl.Generator/Common/Identifiers.cs as of 2cc66f8), restated so the random
/// corpus can make "clean" cases (names the generator accepts) without access to its internals.
/// </summary>
internal static class NameRules
{
    public static string Pascal(string name)
    {
        var sb = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (IsFormat(c))
            {
                continue;
            }

            if (!SyntaxFacts.IsIdentifierPartCharacter(c) || c == '_')
            {
                upperNext = true;
                continue;
            }

            sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return Finish(sb).TrimStart('@');
    }

    public static string EnumMember(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (SyntaxFacts.IsIdentifierPartCharacter(c) && !IsFormat(c))
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

    public static string Camel(string pascal)
    {
        if (pascal.Length == 0)
        {
            return pascal;
        }

        return char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }

    /// <summary>The generator's limit for one name (metadata names are limited to 1,024 UTF-8 bytes).</summary>
    public const int MaxIdentifierBytes = 480;

    public static bool IsFormat(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static string Finish(StringBuilder sb)
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
        return SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None ? "@" + result : result;
    }
}
