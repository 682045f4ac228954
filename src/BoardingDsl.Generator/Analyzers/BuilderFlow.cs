using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>
/// Follows a builder within one method: a fluent chain, a builder kept in a local and extended in later
/// statements, and the builder lambdas of nested objects and array items. A builder that escapes (passed,
/// returned, captured, reassigned) gives no state: the run-time guard in <c>Build()</c> covers it.
/// </summary>
internal sealed class BuilderFlow
{
    private readonly BuilderCatalog _catalog;
    private readonly Dictionary<ILocalSymbol, BuilderState?> _locals = new(SymbolEqualityComparer.Default);

    public BuilderFlow(BuilderCatalog catalog) => _catalog = catalog;

    /// <summary>The state of the builder <paramref name="receiver"/> evaluates to, or null when it cannot be known.</summary>
    public BuilderState? Read(IOperation receiver)
    {
        // A chain on a local (b.WithX().Build()) is read with the local, which already counts its calls.
        return RootOfChain(receiver) is ILocalReferenceOperation local ? ReadLocal(local) : ReadChain(receiver, null);
    }

    private BuilderState? ReadChain(IOperation? operation, IParameterSymbol? lambdaParameter, BuilderState? lambdaState = null)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case IInvocationOperation invocation when invocation.Instance is not null && _catalog.Builder(invocation.TargetMethod.ContainingType) is { } type:
            {
                var state = ReadChain(invocation.Instance, lambdaParameter, lambdaState);
                if (state is null)
                {
                    return null;
                }

                if (type.Member(invocation.TargetMethod.Name) is { } property)
                {
                    state.Add(property, invocation, ReadNested(invocation, property));
                }

                return state;
            }

            case IInvocationOperation entry when entry.Instance is null && entry.Arguments.Length == 0 &&
                                                 entry.TargetMethod.ContainingType?.Name == "Boarding" &&
                                                 _catalog.Builder(entry.TargetMethod.ReturnType) is { } entryType:
                return new BuilderState(entryType);

            case IObjectCreationOperation creation when creation.Initializer is null && creation.Arguments.Length == 0 &&
                                                        _catalog.Builder(creation.Type) is { } createdType:
                return new BuilderState(createdType);

            case ILocalReferenceOperation local:
                return ReadLocal(local);

            case IParameterReferenceOperation parameter when lambdaParameter is not null &&
                                                              SymbolEqualityComparer.Default.Equals(parameter.Parameter, lambdaParameter):
                return lambdaState;

            default:
                return null;
        }
    }

    private BuilderState? ReadLocal(ILocalReferenceOperation reference)
    {
        if (_locals.TryGetValue(reference.Local, out var known))
        {
            return known;
        }

        _locals[reference.Local] = null; // guards against self-reference while reading
        var state = ReadLocalCore(reference.Local, Root(reference));
        _locals[reference.Local] = state;
        return state;
    }

    private BuilderState? ReadLocalCore(ILocalSymbol local, IOperation root)
    {
        var declarator = root.Descendants().OfType<IVariableDeclaratorOperation>()
            .FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local));
        if (declarator?.GetVariableInitializer() is not { } initializer || local.RefKind != RefKind.None)
        {
            return null;
        }

        var state = ReadChain(initializer.Value, null);
        if (state is null)
        {
            return null;
        }

        var declaringFunction = EnclosingFunction(declarator);
        foreach (var use in root.Descendants().OfType<ILocalReferenceOperation>().Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local)))
        {
            if (!ReferenceEquals(EnclosingFunction(use), declaringFunction))
            {
                return null; // captured by a lambda or local function
            }

            var top = ClimbCalls(use, state);
            switch (top.Parent)
            {
                case IExpressionStatementOperation:
                    break;
                case IInvocationOperation build when ReferenceEquals(build.Instance, top) && build.TargetMethod.Name is "Build" or "IsSet":
                    break;
                case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, top) &&
                                                                Unwrap(assignment.Target) is ILocalReferenceOperation target &&
                                                                SymbolEqualityComparer.Default.Equals(target.Local, local) &&
                                                                !ReferenceEquals(top, use):
                    break; // b = b.WithX(…)
                case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Target, use):
                    if (Unwrap(assignment.Value) is not IInvocationOperation && Unwrap(assignment.Value) is not ILocalReferenceOperation)
                    {
                        return null; // reassigned to another builder
                    }

                    if (!RootsAt(assignment.Value, local))
                    {
                        return null;
                    }

                    break;
                default:
                    return null; // passed on, returned, stored: left to the run-time guard
            }
        }

        return state;
    }

    /// <summary>From a reference to a builder, walks up through <c>With…</c> calls made on it, recording them.</summary>
    private IOperation ClimbCalls(IOperation start, BuilderState state)
    {
        var current = start;
        while (current.Parent is IInvocationOperation invocation && ReferenceEquals(invocation.Instance, current) &&
               _catalog.Builder(invocation.TargetMethod.ContainingType) is { } type &&
               type.Member(invocation.TargetMethod.Name) is { } property)
        {
            state.Add(property, invocation, ReadNested(invocation, property));
            current = invocation;
        }

        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current;
    }

    private IReadOnlyList<BuilderState?>? ReadNested(IInvocationOperation invocation, MemberInfo property)
    {
        if (_catalog.Builder(property.NestedBuilder) is not { } nestedType)
        {
            return null;
        }

        var lambdas = new List<IAnonymousFunctionOperation>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && Unwrap(argument.Value) is IArrayCreationOperation array)
            {
                foreach (var element in array.Initializer?.ElementValues ?? ImmutableArray<IOperation>.Empty)
                {
                    if (AsLambda(element) is { } l)
                    {
                        lambdas.Add(l);
                    }
                    else
                    {
                        return null;
                    }
                }
            }
            else if (AsLambda(argument.Value) is { } lambda)
            {
                lambdas.Add(lambda);
            }
            else
            {
                return null; // a finished value: passed on as it is
            }
        }

        return lambdas.Select(l => ReadLambda(l, nestedType)).ToList();
    }

    private BuilderState? ReadLambda(IAnonymousFunctionOperation lambda, BuilderInfo type)
    {
        if (lambda.Symbol.Parameters.Length != 1)
        {
            return null;
        }

        var parameter = lambda.Symbol.Parameters[0];
        var state = new BuilderState(type);
        foreach (var use in lambda.Body.Descendants().OfType<IParameterReferenceOperation>()
                     .Where(r => SymbolEqualityComparer.Default.Equals(r.Parameter, parameter)))
        {
            if (!ReferenceEquals(EnclosingFunction(use), lambda))
            {
                return null; // captured by an inner lambda
            }

            var top = ClimbCalls(use, state);
            if (top.Parent is not (IExpressionStatementOperation or IReturnOperation))
            {
                return null;
            }
        }

        return state;
    }

    private static IAnonymousFunctionOperation? AsLambda(IOperation operation) =>
        Unwrap(operation) switch
        {
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
            IAnonymousFunctionOperation lambda => lambda,
            _ => null,
        };

    private bool RootsAt(IOperation operation, ILocalSymbol local) =>
        RootOfChain(operation) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

    /// <summary>What a chain of builder calls starts from: <c>b</c> in <c>b.WithX().WithY()</c>.</summary>
    private IOperation? RootOfChain(IOperation operation)
    {
        var current = Unwrap(operation);
        while (current is IInvocationOperation { Instance: { } instance } invocation && _catalog.Builder(invocation.TargetMethod.ContainingType) is not null)
        {
            current = Unwrap(instance);
        }

        return current;
    }

    private static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }

    private static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    private static IOperation? Unwrap(IOperation? operation) => operation is null ? null : ArgumentValues.Unwrap(operation);
}
