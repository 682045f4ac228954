using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BoardingDsl.Usage.Tests.Differential;

/// <summary>
/// Whether two bodies say the same: members in any order, numbers by value, date-time strings by instant (a builder
/// takes a <see cref="DateTimeOffset"/>, which does not keep the text it was parsed from).
/// </summary>
internal static class JsonComparison
{
    public static bool SameBody(JsonNode? expected, JsonNode? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (JsonObject e, JsonObject a) => e.Count == a.Count && e.All(m => a.TryGetPropertyValue(m.Key, out var v) && SameBody(m.Value, v)),
        (JsonArray e, JsonArray a) => e.Count == a.Count && e.Zip(a).All(p => SameBody(p.First, p.Second)),
        (JsonValue e, JsonValue a) => SameValue(e, a),
        _ => false,
    };

    /// <summary>Every string value in a body, at any depth (member names aside).</summary>
    public static System.Collections.Generic.IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(m => Strings(m.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };

    private static bool SameValue(JsonValue expected, JsonValue actual)
    {
        var (e, a) = (expected.GetValueKind(), actual.GetValueKind());
        if (e != a)
        {
            return false;
        }

        if (e == JsonValueKind.Number)
        {
            return decimal.Parse(expected.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                == decimal.Parse(actual.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (e == JsonValueKind.String)
        {
            var (es, @as) = (expected.GetValue<string>(), actual.GetValue<string>());
            return es == @as
                || DateTimeOffset.TryParse(es, CultureInfo.InvariantCulture, DateTimeStyles.None, out var ed)
                && DateTimeOffset.TryParse(@as, CultureInfo.InvariantCulture, DateTimeStyles.None, out var ad) && ed == ad;
        }

        return JsonNode.DeepEquals(expected, actual);
    }
}
