using System;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>What a URL argument is known to be at compile time: a constant, <c>new Uri(constant)</c>, or an interpolated string's constant prefix.</summary>
internal static class UrlConstants
{
    public static string? ConstantText(IOperation value, out bool isPrefix)
    {
        isPrefix = false;
        var operation = ArgumentValues.Unwrap(value);
        if (operation.ConstantValue is { HasValue: true, Value: string text })
        {
            return text;
        }

        if (operation is IObjectCreationOperation { Constructor.ContainingType: { Name: "Uri", ContainingNamespace.Name: "System" } } creation &&
            creation.Arguments.Length >= 1 && ArgumentValues.Unwrap(creation.Arguments[0].Value).ConstantValue is { HasValue: true, Value: string uri })
        {
            return uri;
        }

        if (operation is IInterpolatedStringOperation interpolated && interpolated.Parts.Length > 0 &&
            interpolated.Parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string prefix } })
        {
            isPrefix = true;
            return prefix;
        }

        return null;
    }

    /// <summary>A whole constant must match the schema's pattern and be an absolute URI; a prefix must still be able to.</summary>
    public static bool IsAcceptable(string text, bool isPrefix, string pattern)
    {
        if (isPrefix)
        {
            // "https://host/{x}" is fine; "http://{x}" or "https//{x}" can never become https://.
            return text.StartsWith("https://", StringComparison.Ordinal) || "https://".StartsWith(text, StringComparison.Ordinal);
        }

        bool matches;
        try
        {
            matches = Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }

        // The same rule Build() and the sandbox apply (Formats/HttpsUrlRule.cs, linked from the runtime).
        return matches && BoardingDsl.Formats.HttpsUrlRule.IsValid(text);
    }
}
