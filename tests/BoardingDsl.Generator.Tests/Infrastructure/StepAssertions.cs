using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using BoardingDsl.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Xunit;

namespace BoardingDsl.Generator.Tests.Infrastructure;

/// <summary>Checks on the incremental pipeline's tracked steps (after NetEscapades.EnumGenerators' TestHelpers).</summary>
internal static class StepAssertions
{
    public static readonly string[] AllTrackingNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    public static IReadOnlyDictionary<string, IncrementalStepRunReason[]> Reasons(GeneratorDriverRunResult result) =>
        result.Results.Single().TrackedSteps
            .Where(s => AllTrackingNames.Contains(s.Key))
            .ToDictionary(s => s.Key, s => s.Value.SelectMany(step => step.Outputs).Select(o => o.Reason).ToArray());

    public static void AssertAllCachedOrUnchanged(GeneratorDriverRunResult result, params string[] steps)
    {
        var reasons = Reasons(result);
        foreach (var name in steps)
        {
            Assert.True(reasons.ContainsKey(name), $"Step {name} was not tracked.");
            Assert.All(reasons[name], r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {r}"));
        }
    }

    /// <summary>No step may hold symbols, syntax or compilations: they keep whole compilations alive and defeat caching.</summary>
    public static void AssertNoBannedTypes(GeneratorDriverRunResult result)
    {
        // Our own named steps; Roslyn's input nodes (Compilation, AdditionalTexts…) hold what they must.
        foreach (var (name, steps) in result.Results.Single().TrackedSteps.Where(s => AllTrackingNames.Contains(s.Key)))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                Visit(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void Visit(object? node, string step, HashSet<object> seen)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node is decimal || node is Enum)
        {
            return;
        }

        if (!node.GetType().IsValueType && !seen.Add(node))
        {
            return;
        }

        Assert.False(node is Compilation or ISymbol or SyntaxNode or SemanticModel, $"Step '{step}' holds a {node.GetType().Name}.");
        if (node is IEnumerable enumerable)
        {
            foreach (var item in enumerable)
            {
                Visit(item, step, seen);
            }

            return;
        }

        if (node.GetType().Namespace?.StartsWith("BoardingDsl", StringComparison.Ordinal) != true && node.GetType().Name is not "ValueTuple`2" and not "ValueTuple`3")
        {
            return;
        }

        foreach (var field in node.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Visit(field.GetValue(node), step, seen);
        }
    }
}
