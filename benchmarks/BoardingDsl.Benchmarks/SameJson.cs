using System;
using System.Text.Json.Nodes;

namespace BoardingDsl.Benchmarks;

/// <summary>Guards a comparison: rows that write different JSON would not be measuring the same work.</summary>
internal static class SameJson
{
    public static void Require(params (string Name, string Json)[] rows)
    {
        var expected = JsonNode.Parse(rows[0].Json);
        foreach (var (name, json) in rows[1..])
        {
            if (!JsonNode.DeepEquals(expected, JsonNode.Parse(json)))
            {
                throw new InvalidOperationException($"'{name}' writes different JSON from '{rows[0].Name}':\n{json}\n{rows[0].Json}");
            }
        }
    }
}
