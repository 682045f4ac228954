using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace BoardingDsl.Robustness.Tests.Json;

/// <summary>
/// A small mutable JSON tree that can hold what a hostile schema needs (duplicate member names, lone surrogates, raw text)
/// and write it back exactly, compact or indented, with non-ASCII characters raw or as <c>\uXXXX</c> escapes.
/// </summary>
internal abstract class JNode
{
    public abstract JNode Clone();

    public override string ToString() => JsonText.Write(this, indent: true, asciiOnly: false);
}

internal sealed class JObject : JNode
{
    public List<KeyValuePair<string, JNode>> Members { get; } = new();

    public JObject Add(string key, JNode value)
    {
        Members.Add(new KeyValuePair<string, JNode>(key, value));
        return this;
    }

    public JNode? Get(string key) => Members.LastOrDefault(m => m.Key == key).Value;

    public JObject Set(string key, JNode value)
    {
        var i = Members.FindLastIndex(m => m.Key == key);
        if (i < 0)
        {
            return Add(key, value);
        }

        Members[i] = new KeyValuePair<string, JNode>(key, value);
        return this;
    }

    public override JNode Clone()
    {
        var o = new JObject();
        foreach (var m in Members)
        {
            o.Add(m.Key, m.Value.Clone());
        }

        return o;
    }
}

internal sealed class JArray : JNode
{
    public JArray(IEnumerable<JNode>? items = null) => Items = items?.ToList() ?? new List<JNode>();

    public List<JNode> Items { get; }

    public override JNode Clone() => new JArray(Items.Select(i => i.Clone()));
}

internal sealed class JString : JNode
{
    public JString(string value) => Value = value;

    public string Value { get; set; }

    public override JNode Clone() => new JString(Value);
}

/// <summary>A number exactly as written (so huge, tiny and odd numbers survive).</summary>
internal sealed class JNumber : JNode
{
    public JNumber(string raw) => Raw = raw;

    public string Raw { get; }

    public override JNode Clone() => new JNumber(Raw);
}

internal sealed class JBool : JNode
{
    public JBool(bool value) => Value = value;

    public bool Value { get; }

    public override JNode Clone() => new JBool(Value);
}

internal sealed class JNull : JNode
{
    public override JNode Clone() => new JNull();
}

/// <summary>Any text, written as it is (broken JSON on purpose).</summary>
internal sealed class JRaw : JNode
{
    public JRaw(string text) => Text = text;

    public string Text { get; }

    public override JNode Clone() => new JRaw(Text);
}

/// <summary>Short constructors for hand-written trees.</summary>
internal static class J
{
    public static JObject Obj(params (string Key, JNode Value)[] members)
    {
        var o = new JObject();
        foreach (var (k, v) in members)
        {
            o.Add(k, v);
        }

        return o;
    }

    public static JArray Arr(params JNode[] items) => new(items);

    public static JArray Strs(IEnumerable<string> items) => new(items.Select(i => (JNode)new JString(i)));

    public static JString Str(string value) => new(value);

    public static JNumber Num(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    public static JNumber Num(string raw) => new(raw);

    public static JBool Bool(bool value) => new(value);

    public static JNull Null() => new();

    public static JNode From(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => FromObject(e),
        JsonValueKind.Array => new JArray(e.EnumerateArray().Select(From)),
        JsonValueKind.String => new JString(e.GetString()!),
        JsonValueKind.Number => new JNumber(e.GetRawText()),
        JsonValueKind.True => new JBool(true),
        JsonValueKind.False => new JBool(false),
        _ => new JNull(),
    };

    public static JNode Parse(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return From(doc.RootElement);
    }

    private static JObject FromObject(JsonElement e)
    {
        var o = new JObject();
        foreach (var p in e.EnumerateObject())
        {
            o.Add(p.Name, From(p.Value));
        }

        return o;
    }
}

internal static class JsonText
{
    public static string Write(JNode node, bool indent = true, bool asciiOnly = false)
    {
        var sb = new StringBuilder();
        Write(sb, node, indent, asciiOnly, 0);
        return sb.ToString();
    }

    /// <summary>A JSON string literal; control characters, lone surrogates (and, with <paramref name="asciiOnly"/>, all non-ASCII) escaped.</summary>
    public static string Quote(string value, bool asciiOnly = false)
    {
        var sb = new StringBuilder(value.Length + 2);
        AppendString(sb, value, asciiOnly);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JNode node, bool indent, bool ascii, int level)
    {
        switch (node)
        {
            case JObject o:
                if (o.Members.Count == 0)
                {
                    sb.Append("{}");
                    return;
                }

                sb.Append('{');
                for (var i = 0; i < o.Members.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    NewLine(sb, indent, level + 1);
                    AppendString(sb, o.Members[i].Key, ascii);
                    sb.Append(indent ? ": " : ":");
                    Write(sb, o.Members[i].Value, indent, ascii, level + 1);
                }

                NewLine(sb, indent, level);
                sb.Append('}');
                return;
            case JArray a:
                if (a.Items.Count == 0)
                {
                    sb.Append("[]");
                    return;
                }

                // Arrays of scalars on one line keep huge enums readable.
                var flat = a.Items.All(i => i is not JObject and not JArray);
                sb.Append('[');
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(flat && indent ? ", " : ",");
                    }

                    if (!flat)
                    {
                        NewLine(sb, indent, level + 1);
                    }

                    Write(sb, a.Items[i], indent, ascii, level + 1);
                }

                if (!flat)
                {
                    NewLine(sb, indent, level);
                }

                sb.Append(']');
                return;
            case JString s:
                AppendString(sb, s.Value, ascii);
                return;
            case JNumber n:
                sb.Append(n.Raw);
                return;
            case JBool b:
                sb.Append(b.Value ? "true" : "false");
                return;
            case JNull:
                sb.Append("null");
                return;
            case JRaw r:
                sb.Append(r.Text);
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(node));
        }
    }

    private static void NewLine(StringBuilder sb, bool indent, int level)
    {
        if (indent)
        {
            sb.Append('\n').Append(' ', level * 2);
        }
    }

    private static void AppendString(StringBuilder sb, string value, bool ascii)
    {
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    var lone = char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) &&
                               !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1]));
                    if (c < 0x20 || lone || (ascii && c > 0x7E))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
