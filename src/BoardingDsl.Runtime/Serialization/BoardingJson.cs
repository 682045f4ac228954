using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BoardingDsl.Serialization;

/// <summary>The reading and writing helpers generated models call (AOT- and trim-safe: no reflection).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BoardingJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // CCV payloads are not embedded in HTML; keep '+', '&' and non-ASCII readable as the docs show them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Compact JSON of a model.</summary>
    public static string Serialize<T>(T model)
        where T : IBoardingModel
    {
        var (buffer, writer) = Rent();
        try
        {
            model.WriteTo(writer);
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            Return(buffer, writer);
        }
    }

    /// <summary>Compact UTF-8 JSON of a model.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T model)
        where T : IBoardingModel
    {
        var (buffer, writer) = Rent();
        try
        {
            model.WriteTo(writer);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            Return(buffer, writer);
        }
    }

    /// <summary>A reader positioned on the first token of <paramref name="json"/>.</summary>
    public static Utf8JsonReader CreateReader(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return CreateReader(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>A reader positioned on the first token of <paramref name="utf8Json"/>.</summary>
    public static Utf8JsonReader CreateReader(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("The JSON text is empty.");
        }

        return reader;
    }

    /// <summary>Fails when anything but white space follows the value.</summary>
    public static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException($"Unexpected JSON after the end of the value (byte {reader.TokenStartIndex.ToString(CultureInfo.InvariantCulture)}).");
        }
    }

    /// <summary>Fails unless the reader is on the start of an object.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, typeName, "a JSON object");
        }
    }

    /// <summary>Fails unless the reader is on the start of an array.</summary>
    public static void ExpectArray(ref Utf8JsonReader reader, string member)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, member, "a JSON array");
        }
    }

    /// <summary>Reads a string (or null).</summary>
    public static string? ReadString(ref Utf8JsonReader reader, string member) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Unexpected(ref reader, member, "a string"),
    };

    /// <summary>Reads a boolean.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader, string member) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, member, "true or false"),
    };

    /// <summary>Reads a number as decimal, keeping its scale (<c>150.0</c> is written back as <c>150.0</c>).</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader, string member) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value) ? value : throw Unexpected(ref reader, member, "a decimal number");

    /// <summary>Reads a number as double.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader, string member) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) ? value : throw Unexpected(ref reader, member, "a number");

    /// <summary>
    /// Reads an integer. A number with a zero fractional part (<c>1.0</c>, <c>1e2</c>) is an integer in JSON Schema and is
    /// accepted; it is written back in its plain form (<c>1</c>, <c>100</c>), as decimals lose their trailing zeros too.
    /// </summary>
    public static long ReadInt64(ref Utf8JsonReader reader, string member)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var value))
            {
                return value;
            }

            if (reader.TryGetDecimal(out var d) && decimal.Truncate(d) == d && d >= long.MinValue && d <= long.MaxValue)
            {
                return (long)d;
            }
        }

        throw Unexpected(ref reader, member, "an integer");
    }

    /// <summary>
    /// Reads an RFC 3339 date-time (<c>format: date-time</c>, checked by <see cref="BoardingRules.IsDateTime"/>), returning
    /// the text as written so it round-trips unchanged. A leap second (<c>23:59:60Z</c>) is held as second 59 of that
    /// minute: <see cref="DateTimeOffset"/> has no second 60, and the text keeps what was sent.
    /// </summary>
    public static DateTimeOffset ReadDateTime(ref Utf8JsonReader reader, string member, out string text)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            text = reader.GetString()!;
            if (ToDateTimeOffset(text) is { } value)
            {
                return value;
            }
        }

        throw Unexpected(ref reader, member, "an RFC 3339 date-time string");
    }

    /// <summary>The value of an RFC 3339 date-time, or null when it is not one or .NET cannot hold it (year 0, say).</summary>
    internal static DateTimeOffset? ToDateTimeOffset(string text)
    {
        if (!BoardingDsl.Formats.DateTimeSyntax.TryParse(text, out var f) || f.Year < 1)
        {
            return null;
        }

        long ticks = 0;
        if (text[19] == '.')
        {
            var scale = TimeSpan.TicksPerSecond;
            for (var i = 20; i < text.Length && char.IsAsciiDigit(text[i]); i++)
            {
                scale /= 10;
                ticks += (text[i] - '0') * scale; // digits past the 7th (100 ns) are below what DateTimeOffset holds
            }
        }

        try
        {
            return new DateTimeOffset(f.Year, f.Month, f.Day, f.Hour, f.Minute, Math.Min(f.Second, 59), TimeSpan.FromMinutes(f.OffsetMinutes)).AddTicks(ticks);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // e.g. 0001-01-01T00:00:00+01:00 is before DateTimeOffset.MinValue in UTC
        }
    }

    /// <summary>Reads a boolean, or null at a JSON null.</summary>
    public static bool? ReadNullableBoolean(ref Utf8JsonReader reader, string member) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadBoolean(ref reader, member);

    /// <summary>Reads a decimal keeping its scale, or null at a JSON null.</summary>
    public static decimal? ReadNullableDecimal(ref Utf8JsonReader reader, string member) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadDecimal(ref reader, member);

    /// <summary>Reads a double, or null at a JSON null.</summary>
    public static double? ReadNullableDouble(ref Utf8JsonReader reader, string member) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadDouble(ref reader, member);

    /// <summary>Reads an integer, or null at a JSON null.</summary>
    public static long? ReadNullableInt64(ref Utf8JsonReader reader, string member) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadInt64(ref reader, member);

    /// <summary>Reads an ISO 8601 date-time and its text as written, or null (and no text) at a JSON null.</summary>
    public static DateTimeOffset? ReadNullableDateTime(ref Utf8JsonReader reader, string member, out string? text)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            text = null;
            return null;
        }

        var value = ReadDateTime(ref reader, member, out var read);
        text = read;
        return value;
    }

    /// <summary>Reads any JSON value as it is.</summary>
    public static JsonElement ReadElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Writes a member holding a boolean or an explicit null.</summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value.HasValue)
        {
            writer.WriteBoolean(name, value.Value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a decimal value with its scale (<c>150.0</c> stays <c>150.0</c>), as System.Text.Json writes it.</summary>
    public static void WriteDecimalValue(Utf8JsonWriter writer, decimal value) => DecimalWriter.Write(writer, value);

    /// <summary>Writes a member holding a decimal (with its scale).</summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, decimal value)
    {
        writer.WritePropertyName(name);
        DecimalWriter.Write(writer, value);
    }

    /// <summary>Writes a member holding a decimal (with its scale) or an explicit null.</summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
    {
        if (value.HasValue)
        {
            WriteMember(writer, name, value.Value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a member holding a double or an explicit null.</summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(name, value.Value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a member holding an integer or an explicit null.</summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(name, value.Value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a member holding a model or an explicit null.</summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, IBoardingModel? value)
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    /// <summary>Writes a member holding any JSON value, or an explicit null.</summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        writer.WritePropertyName(name);
        if (value.HasValue)
        {
            value.Value.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>
    /// Writes a member holding a date-time or an explicit null: the text it was read from when there is one, so it
    /// round-trips exactly, else System.Text.Json's ISO 8601 form.
    /// </summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value, string? text)
    {
        if (!value.HasValue)
        {
            writer.WriteNull(name);
        }
        else if (text is not null)
        {
            writer.WriteString(name, text);
        }
        else
        {
            writer.WriteString(name, value.Value);
        }
    }

    /// <summary>Writes the members an open object did not define, after the known ones.</summary>
    public static void WriteExtensionData(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, JsonElement>>? members)
    {
        if (members is null)
        {
            return;
        }

        foreach (var member in members)
        {
            writer.WritePropertyName(member.Key);
            member.Value.WriteTo(writer);
        }
    }

    /// <summary>The exception for a required member that is missing from the JSON.</summary>
    public static JsonException MissingMember(string typeName, string member) =>
        new($"The JSON for {typeName} has no '{member}', which is required.");

    /// <summary>The exception for a value of the wrong kind.</summary>
    public static JsonException Unexpected(ref Utf8JsonReader reader, string member, string expected) =>
        new($"'{member}' must be {expected}, but the JSON has {Describe(reader.TokenType)} (byte {reader.TokenStartIndex.ToString(CultureInfo.InvariantCulture)}).");

    /// <summary>The exception for an enum string that is not a documented value.</summary>
    public static JsonException UnknownEnumValue(ref Utf8JsonReader reader, string enumName) =>
        new($"'{(reader.TokenType == JsonTokenType.String ? reader.GetString() : Describe(reader.TokenType))}' is not a value of {enumName} (byte {reader.TokenStartIndex.ToString(CultureInfo.InvariantCulture)}).");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer) Rent()
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ?? new Utf8JsonWriter(buffer, WriterOptions);
        t_buffer = null;
        t_writer = null;
        writer.Reset(buffer);
        return (buffer, writer);
    }

    private static void Return(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        if (buffer.Capacity <= 1 << 20)
        {
            buffer.Clear();
            t_buffer = buffer;
            t_writer = writer;
        }
    }
}
