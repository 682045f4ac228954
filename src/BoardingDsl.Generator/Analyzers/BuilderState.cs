using System.Collections.Generic;
using Microsoft.CodeAnalysis.Operations;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>What is known to be set on one builder instance, followed through one method.</summary>
internal sealed class BuilderState
{
    public BuilderState(BuilderInfo type) => Type = type;

    public BuilderInfo Type { get; }

    /// <summary>Calls by JSON name; a name with any call counts as set (conditional calls included).</summary>
    public Dictionary<string, List<SetCall>> Calls { get; } = new();

    public void Add(MemberInfo property, IInvocationOperation invocation, IReadOnlyList<BuilderState?>? nested)
    {
        if (!Calls.TryGetValue(property.JsonName, out var list))
        {
            Calls[property.JsonName] = list = new List<SetCall>();
        }

        list.Add(new SetCall(property, invocation, nested));
    }
}

/// <summary>One <c>With…</c> call; <see cref="Nested"/> holds the states its builder lambdas reached (null: not a lambda, or unknown).</summary>
internal sealed record SetCall(MemberInfo Property, IInvocationOperation Invocation, IReadOnlyList<BuilderState?>? Nested);
