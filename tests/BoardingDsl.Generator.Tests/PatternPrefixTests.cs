using BoardingDsl.Generator.Emit;
using Xunit;

namespace BoardingDsl.Generator.Tests;

/// <summary>Only a pattern that means "starts with this exact text" may become an ordinal StartsWith in Build().</summary>
public class PatternPrefixTests
{
    [Theory]
    [InlineData("^https://", "https://")]
    [InlineData(@"^https://api\.ccv\.eu/", "https://api.ccv.eu/")]
    [InlineData(@"^a\/b\-c", "a/b-c")]
    [InlineData("^NL ", "NL ")]
    [InlineData("^#!", "#!")]
    public void A_literal_after_the_anchor_is_a_prefix(string pattern, string prefix) =>
        Assert.Equal(prefix, PatternPrefix.Of(pattern));

    [Theory]
    [InlineData("https://")] // unanchored: matches anywhere
    [InlineData("^")]
    [InlineData("^https://$")]
    [InlineData("^https?://")]
    [InlineData("^http(s)://")]
    [InlineData("^[a-z]")]
    [InlineData("^a|b")]
    [InlineData("^a.b")]
    [InlineData("^a{2}")]
    [InlineData(@"^\d")]
    [InlineData(@"^\u0041")]
    [InlineData(@"^\p{L}")]
    [InlineData(@"^a\")]
    [InlineData("^a^b")]
    public void Anything_else_keeps_the_regular_expression(string pattern) =>
        Assert.Null(PatternPrefix.Of(pattern));
}
