using System;
using System.Buffers.Text;
using System.Text.Json;

namespace BoardingDsl.Serialization;

/// <summary>
/// Writes a decimal as System.Text.Json does (its digits, a point where the scale puts it, trailing zeros kept), but
/// formats the common case, a non-negative value whose coefficient fits 64 bits, as an integer with a point inserted:
/// general decimal formatting was the largest single cost of writing an order, which is mostly money.
/// </summary>
internal static class DecimalWriter
{
    public static void Write(Utf8JsonWriter writer, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0 || bits[3] < 0)
        {
            writer.WriteNumberValue(value);
            return;
        }

        var coefficient = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        if (scale == 0)
        {
            writer.WriteNumberValue(coefficient);
            return;
        }

        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(coefficient, digits, out var count);
        Span<byte> text = stackalloc byte[32];
        int length;
        if (count > scale)
        {
            var whole = count - scale;
            digits.Slice(0, whole).CopyTo(text);
            text[whole] = (byte)'.';
            digits.Slice(whole, scale).CopyTo(text.Slice(whole + 1));
            length = count + 1;
        }
        else
        {
            // 0.05: a zero, the point, the zeros the scale asks for, then the digits.
            text[0] = (byte)'0';
            text[1] = (byte)'.';
            text.Slice(2, scale - count).Fill((byte)'0');
            digits.Slice(0, count).CopyTo(text.Slice(2 + scale - count));
            length = 2 + scale;
        }

        writer.WriteRawValue(text.Slice(0, length), skipInputValidation: true);
    }
}
