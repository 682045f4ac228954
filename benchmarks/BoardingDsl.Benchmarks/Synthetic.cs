using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace BoardingDsl.Benchmarks;

/// <summary>Synthetic request schemas of a given size: strings, decimals, an enum and a nested object, all required.</summary>
internal static class Synthetic
{
    public static AdditionalText[] Schemas(int count, int properties) =>
        Enumerable.Range(0, count).Select(i => (AdditionalText)new BoardingDsl.Testing.InMemoryAdditionalText($"/bench/s{i}.schema.json", Schema(i, properties))).ToArray();

    public static string Schema(int index, int properties)
    {
        var sb = new StringBuilder();
        sb.Append("{ \"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"$id\": \"https://bench.example/s")
          .Append(index).Append(".schema.json\", \"title\": \"S").Append(index).Append("Request\", \"description\": \"Synthetic.\",")
          .Append(" \"x-boarding-endpoint\": { \"operation\": \"S").Append(index).Append("\", \"role\": \"request\", \"method\": \"POST\", \"path\": \"/s\", \"responses\": { \"200\": \"OK\" } },")
          .Append(" \"type\": \"object\", \"required\": [");
        sb.Append(string.Join(", ", Enumerable.Range(0, properties).Select(p => "\"p" + p + "\"")));
        sb.Append("], \"properties\": {");
        for (var p = 0; p < properties; p++)
        {
            if (p > 0)
            {
                sb.Append(',');
            }

            sb.Append(" \"p").Append(p.ToString(CultureInfo.InvariantCulture)).Append("\": ");
            sb.Append((p % 4) switch
            {
                0 => "{ \"type\": \"string\", \"description\": \"A string.\", \"maxLength\": 64 }",
                1 => "{ \"type\": \"number\", \"format\": \"decimal\", \"description\": \"An amount.\" }",
                2 => "{ \"type\": \"string\", \"enum\": [\"A\", \"B\", \"C\"], \"description\": \"A choice.\" }",
                _ => "{ \"type\": \"object\", \"description\": \"Nested.\", \"properties\": { \"x\": { \"type\": \"string\", \"description\": \"X.\" } } }",
            });
        }

        sb.Append(" } }");
        return sb.ToString();
    }
}
