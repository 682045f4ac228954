using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace BoardingDsl.Generator.Json;

/// <summary>Thrown for text that is not JSON; <see cref="Position"/> is the character offset of the problem.</summary>
internal sealed class JsonParseException : Exception
{
    public JsonParseException(string message, int position)
        : base(message) => Position = position;

    public int Position { get; }
}

/// <summary>
/// A small strict JSON (RFC 8259) parser that records the character span of every value and member name,
/// so schema diagnostics can point at a line and column. It has no dependency the compiler might not load.
/// </summary>
internal sealed class JsonParser
{
    public const int MaxDepth = 128;

    private readonly string _text;
    private int _pos;
    private int _depth;

    private JsonParser(string text) => _text = text;

    public static JsonNode Parse(string text)
    {
        var parser = new JsonParser(text);
        parser.SkipWhitespace();
        if (parser._pos >= text.Length)
        {
            throw new JsonParseException("The file is empty; a JSON Schema object was expected.", 0);
        }

        var value = parser.ParseValue();
        parser.SkipWhitespace();
        if (parser._pos < text.Length)
        {
            throw new JsonParseException($"Unexpected character '{text[parser._pos]}' after the end of the JSON value.", parser._pos);
        }

        return value;
    }

    private JsonNode ParseValue()
    {
        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            throw new JsonParseException("Unexpected end of file; a JSON value was expected.", _pos);
        }

        var c = _text[_pos];
        switch (c)
        {
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
            case '"':
                var start = _pos;
                var s = ParseString();
                return new JsonStringNode(start, _pos - start, s);
            case 't':
                return ParseLiteral("true", p => new JsonBooleanNode(p, 4, true));
            case 'f':
                return ParseLiteral("false", p => new JsonBooleanNode(p, 5, false));
            case 'n':
                return ParseLiteral("null", p => new JsonNullNode(p, 4));
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw new JsonParseException($"Unexpected character '{c}'; a JSON value was expected.", _pos);
        }
    }

    private JsonNode ParseLiteral(string literal, Func<int, JsonNode> create)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw new JsonParseException($"Invalid literal; '{literal}' was expected.", _pos);
        }

        var start = _pos;
        _pos += literal.Length;
        return create(start);
    }

    private JsonObjectNode ParseObject()
    {
        var start = _pos;
        Enter();
        _pos++; // {
        var members = new List<JsonMember>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            _depth--;
            return new JsonObjectNode(start, _pos - start, members);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw new JsonParseException("A property name in double quotes was expected.", Math.Min(_pos, _text.Length));
            }

            var nameStart = _pos;
            var name = ParseString();
            var nameLength = _pos - nameStart;
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw new JsonParseException($"':' was expected after the property name \"{name}\".", Math.Min(_pos, _text.Length));
            }

            _pos++;
            var value = ParseValue();
            members.Add(new JsonMember(name, nameStart, nameLength, value));
            SkipWhitespace();
            var c = Peek();
            if (c == ',')
            {
                _pos++;
                continue;
            }

            if (c == '}')
            {
                _pos++;
                break;
            }

            throw new JsonParseException("',' or '}' was expected in the object.", Math.Min(_pos, _text.Length));
        }

        _depth--;
        return new JsonObjectNode(start, _pos - start, members);
    }

    private JsonArrayNode ParseArray()
    {
        var start = _pos;
        Enter();
        _pos++; // [
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            _depth--;
            return new JsonArrayNode(start, _pos - start, items);
        }

        while (true)
        {
            items.Add(ParseValue());
            SkipWhitespace();
            var c = Peek();
            if (c == ',')
            {
                _pos++;
                continue;
            }

            if (c == ']')
            {
                _pos++;
                break;
            }

            throw new JsonParseException("',' or ']' was expected in the array.", Math.Min(_pos, _text.Length));
        }

        _depth--;
        return new JsonArrayNode(start, _pos - start, items);
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new JsonParseException($"The JSON is nested more than {MaxDepth} levels deep.", _pos);
        }
    }

    private string ParseString()
    {
        var start = _pos;
        _pos++; // opening quote
        StringBuilder? sb = null;
        var runStart = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new JsonParseException("Unterminated string.", start);
            }

            var c = _text[_pos];
            if (c == '"')
            {
                string result;
                if (sb is null)
                {
                    result = _text.Substring(runStart, _pos - runStart);
                }
                else
                {
                    sb.Append(_text, runStart, _pos - runStart);
                    result = sb.ToString();
                }

                _pos++;
                return result;
            }

            if (c < 0x20)
            {
                throw new JsonParseException("Control characters must be escaped in JSON strings.", _pos);
            }

            if (c != '\\')
            {
                _pos++;
                continue;
            }

            sb ??= new StringBuilder();
            sb.Append(_text, runStart, _pos - runStart);
            _pos++;
            if (_pos >= _text.Length)
            {
                throw new JsonParseException("Unterminated escape sequence.", _pos - 1);
            }

            var e = _text[_pos];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 >= _text.Length ||
                        !int.TryParse(_text.Substring(_pos + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JsonParseException("Invalid \\u escape sequence.", _pos - 1);
                    }

                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw new JsonParseException($"Invalid escape sequence '\\{e}'.", _pos - 1);
            }

            _pos++;
            runStart = _pos;
        }
    }

    private JsonNumberNode ParseNumber()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (Peek() == '0')
        {
            _pos++;
        }
        else if (IsDigit(Peek()))
        {
            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }
        else
        {
            throw new JsonParseException("Invalid number.", start);
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!IsDigit(Peek()))
            {
                throw new JsonParseException("Invalid number: a digit must follow the decimal point.", start);
            }

            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            _pos++;
            if (Peek() == '+' || Peek() == '-')
            {
                _pos++;
            }

            if (!IsDigit(Peek()))
            {
                throw new JsonParseException("Invalid number: a digit must follow the exponent.", start);
            }

            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }

        return new JsonNumberNode(start, _pos - start, _text.Substring(start, _pos - start));
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            {
                _pos++;
            }
            else if (c == '\uFEFF' && _pos == 0)
            {
                _pos++;
            }
            else
            {
                break;
            }
        }
    }
}
