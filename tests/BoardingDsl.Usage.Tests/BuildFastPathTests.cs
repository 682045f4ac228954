using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace BoardingDsl.Usage.Tests;

/// <summary>
/// Build() checks some rules without the general machinery (an ordinal prefix test for <c>^https://</c>, a search for
/// characters a URI cannot hold, a remainder test before removing trailing zeros). These pin that the answers did not change.
/// </summary>
public class BuildFastPathTests
{
    [Theory]
    [InlineData("https://api.integrator.nl/cb", true)]
    [InlineData("https://", true)] // matches ^https://; "format uri" is what rejects it
    [InlineData("http://api.integrator.nl/cb", false)]
    [InlineData("HTTPS://api.integrator.nl/cb", false)] // the pattern is case-sensitive, as the regex was
    [InlineData(" https://api.integrator.nl/cb", false)]
    [InlineData("httpsx://api.integrator.nl/cb", false)]
    public void The_https_pattern_is_checked_as_the_regex_would(string url, bool valid)
    {
        var violations = Violations(n => n.WithNotificationUrl(FromConfiguration(url)));

        Assert.Equal(valid, !violations.Any(v => v.Rule == "pattern ^https://"));
    }

    [Theory]
    [InlineData("https://api.integrator.nl/cb?a=1&b=%20", true)] // (a fragment is refused by the https rule, see FormatTable)
    [InlineData("https://bäckerei.example/ä", false)] // RFC 3986 is ASCII: non-ASCII must be percent-encoded
    [InlineData("https://api.integrator.nl/c b", false)]
    [InlineData("https://api.integrator.nl/c\tb", false)]
    [InlineData("https://api.integrator.nl/c\u0001b", false)]
    [InlineData("https://api.integrator.nl/<cb>", false)]
    [InlineData("https://api.integrator.nl/{cb}", false)]
    [InlineData("https://api.integrator.nl/c|b", false)]
    [InlineData("https://api.integrator.nl/c\\b", false)]
    [InlineData("https://api.integrator.nl/c^b", false)]
    [InlineData("https://api.integrator.nl/c`b", false)]
    [InlineData("https://api.integrator.nl/c\"b", false)]
    public void Characters_a_uri_cannot_hold_are_rejected_anywhere_after_the_scheme(string url, bool valid)
    {
        var violations = Violations(n => n.WithNotificationUrl(FromConfiguration(url)));

        // The notification URL is held to the https rule, which includes RFC 3986's grammar (one violation, not two).
        Assert.Equal(valid, !violations.Any(v => v.Rule is "format uri" or "https URL"));
    }

    [Theory]
    [InlineData("150.0", "150")]
    [InlineData("24.20", "24.2")]
    [InlineData("24.2", "24.2")]
    [InlineData("4.25", "4.25")]
    [InlineData("0.000", "0")]
    [InlineData("-10.10", "-10.1")]
    [InlineData("1.0000000000000000000000000010", "1.000000000000000000000000001")] // mid and high words in use
    [InlineData("7922816251426433759354395033.50", "7922816251426433759354395033.5")]
    [InlineData("7922816251426433759354395033.5", "7922816251426433759354395033.5")]
    [InlineData("42949672.96", "42949672.96")] // 2^32 in the coefficient: a remainder of 6, not 0
    [InlineData("184467440737095516.16", "184467440737095516.16")] // 2^64 likewise
    [InlineData("42949673.00", "42949673")]
    public void Decimals_are_written_without_trailing_zeros(string text, string written)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        var tax = new TaxAmountPerTaxRateBuilder().WithTaxRate(value).WithTaxAmount(value).Build();

        Assert.Equal($"{{\"taxRate\":{written},\"taxAmount\":{written}}}", tax.ToJson());
    }

    [Fact]
    public void Enum_lists_from_any_sequence_keep_their_order_and_an_undefined_value_is_reported()
    {
        IEnumerable<OrderStatus> fromQuery = new List<OrderStatus> { OrderStatus.Failed, OrderStatus.New }.Where(_ => true);

        var built = new StatusNotificationInformationBuilder().WithNotificationUrl("https://x.example/cb").WithNotifyOnStatus(fromQuery).Build();
        var undefined = (OrderStatus)FromConfiguration(99); // a cast the analyzers cannot see, as from a database
        var violations = Violations(n => n.WithNotificationUrl("https://x.example/cb").WithNotifyOnStatus(OrderStatus.New, undefined));

        Assert.Equal(new[] { OrderStatus.Failed, OrderStatus.New }, built.NotifyOnStatus);
        var violation = Assert.Single(violations);
        Assert.Equal(("$.notifyOnStatus[1]", "enum", "99"), (violation.Path, violation.Rule, violation.Value));
    }

    [Fact]
    public void An_enum_array_passed_in_is_copied_so_later_changes_do_not_reach_the_builder()
    {
        var statuses = new[] { OrderStatus.Completed };
        var builder = new StatusNotificationInformationBuilder().WithNotificationUrl("https://x.example/cb").WithNotifyOnStatus(statuses);

        statuses[0] = OrderStatus.Failed;

        Assert.Equal(new[] { OrderStatus.Completed }, builder.Build().NotifyOnStatus);
    }

    private static IReadOnlyList<ValidationViolation> Violations(System.Action<StatusNotificationInformationBuilder> fill)
    {
        var builder = new StatusNotificationInformationBuilder();
        fill(builder);
        try
        {
            builder.Build();
            return [];
        }
        catch (BoardingValidationException ex)
        {
            return ex.Violations;
        }
    }

    private static T FromConfiguration<T>(T value) => value;
}
