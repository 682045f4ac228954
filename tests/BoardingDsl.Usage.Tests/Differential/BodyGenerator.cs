using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace BoardingDsl.Usage.Tests.Differential;

/// <summary>
/// Generates request bodies from a shipped schema: a valid one, or a valid one with exactly one thing broken at any
/// depth. Deterministic per seed, so that a failing case can be replayed from the two numbers it prints.
/// </summary>
internal sealed class BodyGenerator
{
    /// <summary>Members added to open objects start with this, so that a comparison can tell them apart.</summary>
    public const string ExtraMemberPrefix = "x-extra-";

    private static readonly string[] Uris =
    [
        "https://shop.example/cart", "http://myccv-local:8008/merchant/", "https://www.mywebshop.nl",
        "https://shop.example:8443/a/b?q=1&r=%C3%A9#top", "http://[2001:db8::1]/status", "https://xn--bcher-kva.example/",
        "urn:isbn:0451450523", "mailto:info@shop.example",
    ];

    private static readonly string[] HttpsUrls =
    [
        "https://api.integrator.nl/orderstatusCCV/", "https://partner.example:8443/ccv/status?shop=7", "https://[2001:db8::2]:443/n",
        "https://127.0.0.1/callback",
    ];

    private static readonly string[] RelativeUris = ["/merchant/cart", "shop.example/cart", "../status", "?page=2"];

    private static readonly string[] Emails =
    [
        "info@shop.example", "first.last@mail.example.nl", "a+tag@example.com", "o'brien@example.ie", "x@[192.0.2.1]",
    ];

    private static readonly string[] BadEmails = ["info.shop.example", "@example.com", "info@", "in fo@example.com", "a@@example.com"];

    private static readonly string[] BadDateTimes =
    [
        "2021-13-01T10:00:00Z", "2021-02-30T10:00:00Z", "2021-02-23T25:00:00Z", "2021-02-23T10:61:00Z", "2021-02-23T10:00:00+24:00",
        "not a date", "2021-02-23T10:00:00", "2021-02-23", "2021-2-23T10:00:00Z",
    ];

    private readonly SchemaDocuments _documents = SchemaDocuments.Shipped;
    private readonly Random _random;
    private readonly List<(BodyFault Fault, string Path, Action Apply)> _sites = [];

    private BodyGenerator(int seed) => _random = new Random(seed);

    /// <summary>The case for <paramref name="seed"/>: about one in three is valid, the rest have one fault.</summary>
    public static BodyCase Create(string schemaFile, int seed)
    {
        var generator = new BodyGenerator(seed);
        var body = generator.Value(SchemaDocuments.Shipped.Root(schemaFile), schemaFile, "$", replace: null)!;
        if (generator._random.Next(3) == 0 || generator._sites.Count == 0)
        {
            return new BodyCase(schemaFile, seed, BodyFault.None, "$", body.ToJsonString());
        }

        var (fault, path, apply) = generator._sites[generator._random.Next(generator._sites.Count)];
        apply();
        return new BodyCase(schemaFile, seed, fault, path, body.ToJsonString());
    }

    private JsonNode? Value(JsonObject schema, string file, string path, Action<JsonNode?>? replace)
    {
        var (resolved, resolvedFile) = _documents.Resolve(schema, file);
        (resolved, resolvedFile) = _documents.Merge(resolved, resolvedFile);
        if (replace is not null)
        {
            AddWrongType(resolved, resolvedFile, path, replace);
        }

        if (resolved["anyOf"] is JsonArray branches)
        {
            var nullBranch = branches.FirstOrDefault(b => b!["type"]?.GetValue<string>() == "null");
            var others = branches.Where(b => b != nullBranch).ToArray();
            if (nullBranch is not null && (others.Length == 0 || _random.Next(5) == 0))
            {
                return null;
            }

            return Value((JsonObject)others[_random.Next(others.Length)]!, resolvedFile, path, replace: null);
        }

        var types = resolved["type"] switch
        {
            JsonValue one => [one.GetValue<string>()],
            JsonArray several => several.Select(t => t!.GetValue<string>()).ToArray(),
            _ => Array.Empty<string>(),
        };
        if (types.Contains("null") && (types.Length == 1 || _random.Next(6) == 0))
        {
            return null;
        }

        var type = types.FirstOrDefault(t => t != "null") ?? "object";
        return type switch
        {
            "object" => Object(resolved, resolvedFile, path),
            "array" => ArrayValue(resolved, resolvedFile, path),
            "string" => String(resolved, path, replace),
            "number" => Number(resolved, path, replace),
            "integer" => JsonValue.Create(_random.Next(-1000, 1000)),
            "boolean" => JsonValue.Create(_random.Next(2) == 0),
            _ => throw new InvalidOperationException($"{file} {path}: type {type} is not generated"),
        };
    }

    private JsonObject Object(JsonObject schema, string file, string path)
    {
        var result = new JsonObject();
        var required = (schema["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, propertySchema) in properties)
            {
                if (!required.Contains(name) && _random.Next(2) == 0)
                {
                    continue;
                }

                var memberPath = $"{path}.{name}";
                result[name] = Value((JsonObject)propertySchema!, file, memberPath, node => result[name] = node);
                if (required.Contains(name))
                {
                    _sites.Add((BodyFault.MissingRequired, memberPath, () => result.Remove(name)));
                }
            }
        }
        else if (_random.Next(2) == 0)
        {
            // An object whose members the docs do not know (invoiceAccount): whatever CCV puts there.
            result["iban"] = "NL91ABNA0417164300";
            result["holder"] = new JsonObject { ["name"] = "Shop B.V.", ["since"] = 2019 };
        }

        var closed = schema["additionalProperties"] is JsonValue open && !open.GetValue<bool>();
        if (closed)
        {
            _sites.Add((BodyFault.UnknownMemberInClosedObject, $"{path}.unexpected", () => result["unexpected"] = 1));
        }
        else if (schema["properties"] is not null && _random.Next(4) == 0)
        {
            result[ExtraMemberPrefix + _random.Next(100)] = _random.Next(3) switch
            {
                0 => JsonValue.Create("kept as it is"),
                1 => new JsonArray(1, "two", null, new JsonObject { ["three"] = 3.25m }),
                _ => JsonValue.Create(1234567890123.25m),
            };
        }

        return result;
    }

    private JsonArray ArrayValue(JsonObject schema, string file, string path)
    {
        var result = new JsonArray();
        var count = _random.Next(4);
        for (var i = 0; i < count; i++)
        {
            var index = i;
            result.Add(null);
            result[index] = Value((JsonObject)schema["items"]!, file, $"{path}[{index}]", node => result[index] = node);
        }

        return result;
    }

    private JsonNode String(JsonObject schema, string path, Action<JsonNode?>? replace)
    {
        if (schema["enum"] is JsonArray values)
        {
            var value = values[_random.Next(values.Count)]!.GetValue<string>();
            if (replace is not null)
            {
                var wrong = _random.Next(3) switch { 0 => value.ToLowerInvariant(), 1 => value + "s", _ => "" };
                if (wrong != value)
                {
                    _sites.Add((BodyFault.UnknownEnumValue, path, () => replace(wrong)));
                }
            }

            return value;
        }

        var format = schema["format"]?.GetValue<string>();
        var https = schema["pattern"]?.GetValue<string>() == "^https://";
        if (schema["pattern"] is not null && !https)
        {
            throw new InvalidOperationException($"{path}: only the pattern ^https:// is generated");
        }

        if (replace is not null)
        {
            if (https)
            {
                _sites.Add((BodyFault.PatternMismatch, path, () => replace("http://api.integrator.nl/orderstatusCCV/")));
            }

            switch (format)
            {
                case "uri":
                    var relative = Pick(RelativeUris);
                    _sites.Add((BodyFault.RelativeUri, path, () => replace(relative)));
                    break;
                case "date-time":
                    var badDate = Pick(BadDateTimes);
                    _sites.Add((BodyFault.InvalidDateTime, path, () => replace(badDate)));
                    break;
                case "email":
                    var badEmail = Pick(BadEmails);
                    _sites.Add((BodyFault.InvalidEmail, path, () => replace(badEmail)));
                    break;
            }
        }

        return format switch
        {
            "uri" => https ? Pick(HttpsUrls) : Pick(Uris),
            "date-time" => DateTime(),
            "email" => Pick(Emails),
            null => Text(),
            _ => throw new InvalidOperationException($"{path}: format {format} is not generated"),
        };
    }

    private JsonNode Number(JsonObject schema, string path, Action<JsonNode?>? replace)
    {
        if (schema["format"]?.GetValue<string>() == "decimal" && replace is not null)
        {
            _sites.Add((BodyFault.DecimalOutOfRange, path, () => replace(JsonNode.Parse("1e30"))));
        }

        // Prices as CCV writes them, the exact text kept: trailing zeros, negatives, large amounts, an exponent. (No integer
        // beyond 64 bits: NJsonSchema cannot judge one, Regressions has it.)
        return _random.Next(20) switch
        {
            0 or 6 or 7 => JsonNode.Parse("0")!,
            1 or 8 or 9 or 10 or 11 => JsonNode.Parse((_random.Next(0, 100_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture))!,
            2 or 12 => JsonNode.Parse((-_random.Next(1, 1000)).ToString(CultureInfo.InvariantCulture))!,
            3 => JsonNode.Parse("7922816251426433759354395033.5")!,
            4 or 13 => JsonNode.Parse("1.5E2")!,
            _ => JsonNode.Parse((_random.Next(0, 1_000_000) / 10_000m).ToString(CultureInfo.InvariantCulture))!,
        };
    }

    private void AddWrongType(JsonObject schema, string file, string path, Action<JsonNode?> replace)
    {
        var allowed = _documents.AllowedTypes(schema, file);
        if (allowed.Count == 0)
        {
            return;
        }

        var wrong = new (string Type, Func<JsonNode?> Value)[]
        {
            ("null", () => null), ("boolean", () => JsonValue.Create(true)), ("integer", () => JsonValue.Create(7)),
            ("string", () => JsonValue.Create("text")), ("array", () => new JsonArray()), ("object", () => new JsonObject()),
        }.Where(w => !allowed.Contains(w.Type)).ToArray();
        if (wrong.Length > 0)
        {
            var chosen = wrong[_random.Next(wrong.Length)];
            _sites.Add((BodyFault.WrongType, path, () => replace(chosen.Value())));
        }
    }

    private string DateTime()
    {
        var moment = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(_random.NextInt64(0, 3_000_000_000));
        return _random.Next(3) switch
        {
            0 => moment.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            1 => moment.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            _ => moment.ToOffset(TimeSpan.FromMinutes(-330)).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
        };
    }

    private string Text() => _random.Next(5) switch
    {
        0 => "",
        1 => "Café \"De Hoek\" \\ \n\t €",
        2 => "12345678",
        _ => new string(Enumerable.Range(0, _random.Next(1, 12)).Select(_ => (char)('a' + _random.Next(26))).ToArray()),
    };

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];
}
