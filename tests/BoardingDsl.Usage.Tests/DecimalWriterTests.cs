using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BoardingDsl.Serialization;
using Xunit;

namespace BoardingDsl.Usage.Tests;

/// <summary>BoardingJson formats most decimals itself (see DecimalWriter); the text must be exactly System.Text.Json's.</summary>
public class DecimalWriterTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("0.00")]
    [InlineData("0.05")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("1")]
    [InlineData("150.0")]
    [InlineData("24.2")]
    [InlineData("123.97")]
    [InlineData("-24.2")]
    [InlineData("-0.5")]
    [InlineData("18446744073709551615")] // the largest coefficient the fast path takes
    [InlineData("18446744073709551616")] // the smallest it leaves to System.Text.Json
    [InlineData("1844674407370955161.5")]
    [InlineData("0.18446744073709551615")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("7.9228162514264337593543950335")]
    public void Known_values_are_written_as_System_Text_Json_writes_them(string text) =>
        AssertSameText(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));

    [Fact]
    public void Negative_zero_is_written_as_System_Text_Json_writes_it() =>
        AssertSameText(new decimal(0, 0, 0, isNegative: true, scale: 2));

    [Fact]
    public void Random_values_of_every_size_and_scale_are_written_as_System_Text_Json_writes_them()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 50_000; i++)
        {
            var bitsUsed = random.Next(0, 97);
            int Word(int from) => bitsUsed <= from ? 0 : (random.Next() ^ (random.Next(2) << 31)) & (int)(bitsUsed - from >= 32 ? uint.MaxValue : (1u << (bitsUsed - from)) - 1);
            var value = new decimal(Word(0), Word(32), Word(64), isNegative: random.Next(4) == 0, scale: (byte)random.Next(0, 29));
            AssertSameText(value);
        }
    }

    [Fact]
    public void In_an_array_and_as_a_member_the_separators_are_right()
    {
        var ours = Write(w =>
        {
            w.WriteStartObject();
            BoardingJson.WriteMember(w, JsonEncodedText.Encode("a"), 1.50m);
            w.WritePropertyName("b");
            w.WriteStartArray();
            BoardingJson.WriteDecimalValue(w, 0.05m);
            BoardingJson.WriteDecimalValue(w, 7m);
            w.WriteEndArray();
            BoardingJson.WriteMember(w, JsonEncodedText.Encode("c"), (decimal?)null);
            w.WriteEndObject();
        });

        Assert.Equal("{\"a\":1.50,\"b\":[0.05,7],\"c\":null}", ours);
    }

    private static void AssertSameText(decimal value)
    {
        var expected = Write(w => w.WriteNumberValue(value));
        var actual = Write(w => BoardingJson.WriteDecimalValue(w, value));
        Assert.True(expected == actual, $"{value.ToString(CultureInfo.InvariantCulture)} (scale {value.Scale}): System.Text.Json wrote {expected}, BoardingJson {actual}");
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
