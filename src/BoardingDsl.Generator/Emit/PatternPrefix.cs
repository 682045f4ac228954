namespace BoardingDsl.Generator.Emit;

/// <summary>
/// Recognises a <c>pattern</c> that only anchors a literal prefix, such as <c>^https://</c>, so the builder can check it
/// with an ordinal <c>StartsWith</c> instead of a regular expression (the regex was the largest cost of building a URL).
/// </summary>
internal static class PatternPrefix
{
    private const string Metacharacters = @"\*+?|{}[]()^$.";

    /// <summary>The literal text after <c>^</c>, or null when the pattern is anything else.</summary>
    public static string? Of(string pattern)
    {
        if (pattern.Length < 2 || pattern[0] != '^')
        {
            return null;
        }

        var literal = new System.Text.StringBuilder(pattern.Length);
        for (var i = 1; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                // An escaped punctuation character stands for itself; \d, \s, \u0041 and the like do not.
                if (i + 1 >= pattern.Length || char.IsLetterOrDigit(pattern[i + 1]) || pattern[i + 1] > '~')
                {
                    return null;
                }

                literal.Append(pattern[++i]);
            }
            else if (Metacharacters.IndexOf(c) >= 0 || char.IsSurrogate(c))
            {
                return null;
            }
            else
            {
                literal.Append(c);
            }
        }

        return literal.ToString();
    }
}
