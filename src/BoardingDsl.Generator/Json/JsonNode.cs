using System.Collections.Generic;

namespace BoardingDsl.Generator.Json;

/// <summary>A JSON value with its character span in the source text (what System.Text.Json does not keep).</summary>
internal abstract class JsonNode
{
    protected JsonNode(int start, int length)
    {
        Start = start;
        Length = length;
    }

    public int Start { get; }

    public int Length { get; }

    public abstract string KindName { get; }
}

internal sealed class JsonObjectNode : JsonNode
{
    public JsonObjectNode(int start, int length, IReadOnlyList<JsonMember> members)
        : base(start, length) => Members = members;

    public IReadOnlyList<JsonMember> Members { get; }

    public override string KindName => "object";

    public JsonNode? Get(string name)
    {
        // Last one wins, as in most JSON readers.
        for (var i = Members.Count - 1; i >= 0; i--)
        {
            if (Members[i].Name == name)
            {
                return Members[i].Value;
            }
        }

        return null;
    }

    public JsonMember? GetMember(string name)
    {
        for (var i = Members.Count - 1; i >= 0; i--)
        {
            if (Members[i].Name == name)
            {
                return Members[i];
            }
        }

        return null;
    }
}

internal sealed class JsonMember
{
    public JsonMember(string name, int nameStart, int nameLength, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameLength = nameLength;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameLength { get; }

    public JsonNode Value { get; }
}

internal sealed class JsonArrayNode : JsonNode
{
    public JsonArrayNode(int start, int length, IReadOnlyList<JsonNode> items)
        : base(start, length) => Items = items;

    public IReadOnlyList<JsonNode> Items { get; }

    public override string KindName => "array";
}

internal sealed class JsonStringNode : JsonNode
{
    public JsonStringNode(int start, int length, string value)
        : base(start, length) => Value = value;

    public string Value { get; }

    public override string KindName => "string";
}

internal sealed class JsonNumberNode : JsonNode
{
    public JsonNumberNode(int start, int length, string text)
        : base(start, length) => Text = text;

    /// <summary>The number exactly as written.</summary>
    public string Text { get; }

    public override string KindName => "number";
}

internal sealed class JsonBooleanNode : JsonNode
{
    public JsonBooleanNode(int start, int length, bool value)
        : base(start, length) => Value = value;

    public bool Value { get; }

    public override string KindName => "boolean";
}

internal sealed class JsonNullNode : JsonNode
{
    public JsonNullNode(int start, int length)
        : base(start, length)
    {
    }

    public override string KindName => "null";
}
