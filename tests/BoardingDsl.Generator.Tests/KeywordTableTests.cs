using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using BoardingDsl.Generator.Schema;
using BoardingDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace BoardingDsl.Generator.Tests;

/// <summary>The keyword table in docs/schema-conventions.md and the lists in Schema/SchemaKeywords.cs say the same.</summary>
public class KeywordTableTests
{
    private static readonly Dictionary<string, string> Table = ReadTable();

    [Fact]
    public void Every_supported_keyword_is_in_the_table_as_enforced_structure_or_metadata()
    {
        var documented = Table.Where(r => r.Value is "enforced" or "structure" or "metadata" && !SchemaKeywords.IsAnnotation(r.Key)).Select(r => r.Key);
        Assert.Equal(SchemaKeywords.Supported.OrderBy(k => k, System.StringComparer.Ordinal), documented.OrderBy(k => k, System.StringComparer.Ordinal));
    }

    [Fact]
    public void The_annotations_are_the_tables_annotations()
    {
        var documented = Table.Where(r => r.Value == "annotation" && !SchemaKeywords.IsAnnotation(r.Key)).Select(r => r.Key);
        Assert.Equal(SchemaKeywords.Annotations.OrderBy(k => k, System.StringComparer.Ordinal), documented.OrderBy(k => k, System.StringComparer.Ordinal));
    }

    [Fact]
    public void The_reported_assertions_are_the_tables_reported_keywords()
    {
        var documented = Table.Where(r => r.Value == "reported").Select(r => r.Key);
        Assert.Equal(SchemaKeywords.UnenforcedAssertions.OrderBy(k => k, System.StringComparer.Ordinal), documented.OrderBy(k => k, System.StringComparer.Ordinal));
    }

    [Fact]
    public void The_type_specific_keywords_are_all_enforced()
    {
        Assert.All(SchemaKeywords.TypeSpecific, k => Assert.Equal("enforced", Table[k]));
    }

    /// <summary>Keyword → status, from the rows of the table under "## Keywords".</summary>
    private static Dictionary<string, string> ReadTable()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "schema-conventions.md"));
        var start = System.Array.FindIndex(lines, l => l.StartsWith("## Keywords", System.StringComparison.Ordinal));
        Assert.True(start >= 0, "no '## Keywords' section");
        var result = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", System.StringComparison.Ordinal)))
        {
            if (!line.StartsWith("| `", System.StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            foreach (Match m in Regex.Matches(cells[0], "`([^`]+)`"))
            {
                Assert.True(result.TryAdd(m.Groups[1].Value, cells[1]), m.Groups[1].Value + " is in the table twice");
            }
        }

        return result;
    }
}
